//! The Tera engine over a resolved theme, and template errors as
//! diagnostics naming the template file.

use crate::diag::messages::Build;
use crate::diag::{Diagnostic, Diagnostics};
use crate::theme::Theme;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::{Context, Tera};

/// Compiled templates, and the file each came from.
///
/// A page is a pure function of its template, the globals and its context:
/// the previous build's page is taken when these are the same
/// ([`super::earlier`]). A function or filter registered here that reads
/// anything else (the clock, a file, the environment) would break that
/// rule, and must be put in every page's fingerprint.
pub struct Engine {
    tera: Tera,
    origins: BTreeMap<String, String>,
}

impl Engine {
    /// Compiles every template of `theme`; every broken one is reported.
    pub fn new(theme: &Theme) -> Result<Engine, Diagnostics> {
        let origins: BTreeMap<String, String> =
            theme.templates.iter().map(|(n, t)| (n.clone(), t.origin.clone())).collect();
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        let all = theme.templates.iter().map(|(n, t)| (n.as_str(), t.text.as_str()));
        if let Err(err) = tera.add_raw_templates(all) {
            return Err(Self::compile_errors(theme, &err));
        }
        Ok(Engine { tera, origins })
    }

    fn compile_errors(theme: &Theme, err: &tera::Error) -> Diagnostics {
        let mut diags = Diagnostics::new();
        // Find which templates are broken on their own (syntax errors).
        for (name, t) in &theme.templates {
            let mut alone = Tera::new();
            if let Err(e) = alone.add_raw_template(name, &t.text) {
                let text = chain(&e);
                if !["not found", "Unknown template", "not defined in any parent", "doesn't exist"]
                    .iter()
                    .any(|m| text.contains(m))
                {
                    diags.push(Diagnostic::error(&t.origin, None, Build::TemplateError { detail: text }));
                }
            }
        }
        if diags.is_empty() {
            let text = chain(err);
            let origin = theme.templates.iter().find(|(n, _)| text.contains(n.as_str())).map(|(_, t)| t.origin.clone());
            let origin = origin.unwrap_or_else(|| "templates".into());
            diags.push(Diagnostic::error(origin, None, Build::TemplateError { detail: text }));
        }
        diags
    }

    /// Gives every template the fields of `globals` (site-wide values),
    /// beside the context each render is given.
    pub fn set_globals<T: Serialize>(&mut self, globals: &T) -> Result<(), Diagnostics> {
        let context = Context::from_serialize(globals).map_err(|e| {
            let mut all = Diagnostics::new();
            all.push(Diagnostic::error("templates", None, Build::TemplateContext { detail: chain(&e) }));
            all
        })?;
        self.tera.global_context().extend(context);
        Ok(())
    }

    /// Renders `template` with `ctx` as text (a fragment to place in a page).
    pub fn render<T: Serialize>(&self, template: &str, ctx: &T, page: &str) -> Result<String, Diagnostic> {
        let bytes = self.render_bytes(template, ctx, page)?;
        Ok(String::from_utf8(bytes).expect("templates render UTF-8"))
    }

    /// Renders `template` with `ctx` as the bytes of a file, without
    /// checking again that a whole page is UTF-8 (Tera writes only text);
    /// an error names the template file.
    pub fn render_bytes<T: Serialize>(&self, template: &str, ctx: &T, page: &str) -> Result<Vec<u8>, Diagnostic> {
        let fail = |text: String| {
            let origin = self.origins.get(template).cloned().unwrap_or_else(|| format!("templates/{template}"));
            Diagnostic::error(origin, None, Build::WhileRendering { page: page.to_string(), detail: text })
        };
        let context = Context::from_serialize(ctx).map_err(|e| fail(chain(&e)))?;
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera.render_to(template, &context, &mut out).map_err(|e| fail(chain(&e)))?;
        Ok(out)
    }
}

/// An error and its causes, on one line each.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = s.source();
    }
    text
}
