//! Records: articles, people, posts, tenures and events built up over many articles.
