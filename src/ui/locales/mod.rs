//! The UI strings in two languages ([`strings`]), and the language chosen.
//!
//! A static table and two macros in place of leptos_i18n: the app has two languages, flat keys
//! and no interpolation, so that crate's locale negotiation (`icu_locale_core` parsing the
//! browser's languages, which `LanguageMemory` overrides anyway), its context and its code per
//! key cost about 30 KB of wasm for nothing the user sees. Keys are still checked at compile
//! time: each is a static, and a missing one fails the build.

/// Declares each key as a static `[Vietnamese, English]` pair.
macro_rules! table {
    ($($key:ident: $vi:literal, $en:literal;)*) => {
        $(pub static $key: [&str; 2] = [$vi, $en];)*
    };
}
/// The table (one static per key).
#[allow(non_upper_case_globals)]
pub mod strings;

pub mod i18n {
    use leptos::prelude::*;

    /// The UI's languages, in the order of [`super::strings`]' pairs.
    #[allow(non_camel_case_types)]
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Locale {
        vi,
        en,
    }

    impl Locale {
        /// The language tag ("vi", "en"), as `<html lang>` and localStorage hold it.
        pub fn as_str(self) -> &'static str {
            match self {
                Locale::vi => "vi",
                Locale::en => "en",
            }
        }
    }

    /// The chosen language, shared by every view ([`use_i18n`]).
    #[derive(Debug, Clone, Copy)]
    pub struct I18nContext(RwSignal<Locale>);

    impl I18nContext {
        /// The language, tracked: a view or effect that reads it follows a change.
        pub fn get_locale(self) -> Locale {
            self.0.get()
        }

        pub fn get_locale_untracked(self) -> Locale {
            self.0.get_untracked()
        }

        pub fn set_locale(self, locale: Locale) {
            self.0.set(locale);
        }

        /// The string of `pair` in the language, tracked.
        pub fn pick(self, pair: &'static [&'static str; 2]) -> &'static str {
            pair[self.get_locale() as usize]
        }
    }

    /// The context [`I18nContextProvider`] provides.
    pub fn use_i18n() -> I18nContext {
        expect_context()
    }

    /// Provides the language (Vietnamese until `LanguageMemory` says otherwise) and keeps
    /// `<html lang dir>` in step with it.
    #[component]
    pub fn I18nContextProvider(children: Children) -> impl IntoView {
        let i18n = I18nContext(RwSignal::new(Locale::vi));
        provide_context(i18n);
        Effect::new(move |_| {
            let locale = i18n.get_locale();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", locale.as_str());
                let _ = html.set_attribute("dir", "ltr");
            }
        });
        children()
    }

    /// A string that follows the language: one closure type for every `t!`, so the views
    /// instantiate one render path for all their strings.
    pub fn text(
        i18n: I18nContext,
        pair: &'static [&'static str; 2],
    ) -> impl Fn() -> &'static str + Copy {
        move || i18n.pick(pair)
    }

    /// `t!(i18n, key)`: the string `key` as a view that follows the language.
    macro_rules! t {
        ($i18n:expr, $key:ident) => {
            $crate::ui::locales::i18n::text($i18n, &$crate::ui::locales::strings::$key)
        };
    }
    pub(crate) use t;

    /// `t_string!(i18n, key)`: the string `key` in the language now (`&'static str`, tracked).
    macro_rules! t_string {
        ($i18n:expr, $key:ident) => {
            $i18n.pick(&$crate::ui::locales::strings::$key)
        };
    }
    pub(crate) use t_string;
}
