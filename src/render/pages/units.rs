//! `units/index.html`: every unit and district of the site, one group per
//! level (FORMAT v2, "Units over time"); written when the site has units.

use super::Renderer;
use crate::diag::Diagnostic;
use crate::render::places::{self, LevelGroup};
use crate::render::Output;
use crate::route::Route;
use serde::Serialize;

impl Renderer<'_> {
    pub(super) fn units(&self) -> Result<Output, Diagnostic> {
        #[derive(Serialize)]
        struct Units {
            levels: Vec<LevelGroup>,
        }
        let t = self.site.settings.lang.strings();
        let dir = Route::Units.dir();
        let body = Units { levels: places::by_level(self.site) };
        self.page("units.html", &dir, self.base(&dir, t.units.into(), String::new(), "districts"), body)
    }
}
