//! The HTTP side of `bantin serve`, on hyper (HTTP/1.1 and 1.0) in a
//! small tokio runtime of its own: GET and HEAD only, paths checked
//! ([`super::path`]) before anything is looked up, pages answered from the
//! live site with the reload script added, and server-sent events
//! (`/__bantin/events`) that tell open pages a new version is there.
//!
//! What a client may take is bounded ([`LIMITS`]): the size of a request's
//! head and its number of headers (431 beyond), no request body (413), the
//! connections open at once (more wait to be accepted), and the time a
//! connection may take to send a request or stay idle, or leave a write
//! waiting ([`super::stall`]). A page is rendered on a blocking thread, so
//! a slow render never holds up other requests.

use super::live::{Answer, Failure, Live};
use super::path::{content_type, percent_encode, request_path};
use super::stall::Stalling;
use crate::diag::messages::Serve;
use crate::text::lang::Lang;
use http_body_util::channel::{Channel, Sender};
use http_body_util::{Either, Full};
use hyper::body::{Body as _, Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue, ALLOW, CACHE_CONTROL, CONNECTION, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// What one request and one connection may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The request line and headers together, in bytes.
    pub head_bytes: usize,
    /// Header fields in one request.
    pub headers: usize,
    /// Connections open at once; more wait until one closes.
    pub connections: usize,
    /// How long a connection may take to send a request's head (also
    /// between requests, when it is idle) or leave a write waiting.
    pub idle: Duration,
}

/// The limits of `serve`.
pub const LIMITS: Limits =
    Limits { head_bytes: 16 * 1024, headers: 64, connections: 64, idle: Duration::from_secs(10) };

/// How often the accepting loop looks whether the server was stopped.
const TICK: Duration = Duration::from_millis(100);

const RELOAD: &str = "<script>(function(){var v=null;var s=new EventSource('/__bantin/events');s.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>";

/// A response's body: whole, or the stream of events.
type Body = Either<Full<Bytes>, Channel<Bytes>>;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The page shown instead of the site while it does not build.
fn error_page(failure: &Failure, lang: Lang) -> String {
    let (errors, warnings) = failure.diags.counts();
    let intro = match &failure.crash {
        Some(detail) => Serve::Crashed { detail: detail.clone() }.text(lang),
        None => Serve::ErrorPageIntro { errors, warnings }.text(lang),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body style=\"font-family:sans-serif;margin:2rem\"><h1>{}</h1><p>{}</p><pre style=\"white-space:pre-wrap;background:#fff4e5;padding:1rem;border-left:4px solid #d55e00\">{}</pre></body></html>",
        lang.code(),
        escape(&Serve::ErrorPageTitle.text(lang)),
        escape(&Serve::ErrorPageHeading.text(lang)),
        escape(&intro),
        escape(&failure.diags.report(lang))
    )
}

/// The HTTP server: a runtime of its own and the socket it listens on.
pub(super) struct Http {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
}

impl Http {
    /// The server on `listener` (which must be non-blocking).
    pub(super) fn new(listener: std::net::TcpListener) -> std::io::Result<Http> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .max_blocking_threads(LIMITS.connections)
            .thread_name("bantin-http")
            .build()?;
        let listener = {
            let _inside = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        Ok(Http { runtime, listener })
    }

    /// Serves until `stop` is set.
    pub(super) fn serve(self, live: Arc<Live>, stop: Arc<AtomicBool>) {
        self.runtime.block_on(accept(self.listener, live, stop));
        // Open connections (events streams) end with the runtime.
        self.runtime.shutdown_background();
    }
}

/// Accepts connections, at most [`Limits::connections`] open at once.
async fn accept(listener: tokio::net::TcpListener, live: Arc<Live>, stop: Arc<AtomicBool>) {
    let places = Arc::new(tokio::sync::Semaphore::new(LIMITS.connections));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(LIMITS.idle)
        .max_headers(LIMITS.headers)
        .max_header_size(LIMITS.head_bytes)
        .title_case_headers(true);
    while !stop.load(Ordering::SeqCst) {
        let Ok(Ok(place)) = tokio::time::timeout(TICK, places.clone().acquire_owned()).await else { continue };
        let stream = match tokio::time::timeout(TICK, listener.accept()).await {
            Ok(Ok((stream, _))) => stream,
            // Out of file descriptors, say: wait a little.
            Ok(Err(_)) => {
                tokio::time::sleep(TICK).await;
                continue;
            }
            Err(_) => continue,
        };
        let _ = stream.set_nodelay(true);
        let (l, st) = (live.clone(), stop.clone());
        let service = hyper::service::service_fn(move |req| respond(req, l.clone(), st.clone()));
        let connection = http.serve_connection(Stalling::new(stream, LIMITS.idle), service);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(place);
        });
    }
}

/// The answer to one request.
async fn respond(req: Request<Incoming>, live: Arc<Live>, stop: Arc<AtomicBool>) -> Result<Response<Body>, Infallible> {
    let lang = live.lang();
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = closing(text(StatusCode::METHOD_NOT_ALLOWED, &Serve::OnlyGetAndHead.text(lang)));
        r.headers_mut().insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Ok(r);
    }
    if !req.body().is_end_stream() {
        return Ok(closing(text(StatusCode::PAYLOAD_TOO_LARGE, &Serve::NoBodies.text(lang))));
    }
    let target = req.uri().path_and_query().map_or("/", |p| p.as_str());
    let Some(path) = request_path(target) else {
        return Ok(text(StatusCode::BAD_REQUEST, &Serve::PathRefused.text(lang)));
    };
    if path == "__bantin/events" {
        return Ok(events(req.method() == Method::HEAD, live, stop));
    }
    let key = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.clone() };
    let answer = tokio::task::spawn_blocking(move || live.answer(&path)).await;
    Ok(match answer {
        Ok(answer) => page(answer, &key, lang),
        Err(e) => {
            let detail = e.try_into_panic().map(super::crash::message).unwrap_or_else(|e| e.to_string());
            page(Answer::Failed(Failure { crash: Some(detail), ..Failure::default() }, lang), &key, lang)
        }
    })
}

/// The response for what the live site answered about the file `key`.
fn page(answer: Answer, key: &str, lang: Lang) -> Response<Body> {
    let html = "text/html; charset=utf-8";
    match answer {
        Answer::Failed(failure, lang) => {
            let body = with_reload(error_page(&failure, lang).as_bytes());
            whole(StatusCode::INTERNAL_SERVER_ERROR, html, body)
        }
        Answer::Building => text(StatusCode::SERVICE_UNAVAILABLE, &Serve::StillBuilding.text(lang)),
        Answer::Redirect(to) => {
            let mut r = whole(StatusCode::MOVED_PERMANENTLY, "text/plain; charset=utf-8", Vec::new());
            if let Ok(location) = HeaderValue::try_from(format!("/{}", percent_encode(&to))) {
                r.headers_mut().insert(hyper::header::LOCATION, location);
            }
            r
        }
        Answer::NotFound(body) => whole(StatusCode::NOT_FOUND, html, with_reload(&body)),
        Answer::File(body) => {
            let body = if key.ends_with(".html") { with_reload(&body) } else { body };
            whole(StatusCode::OK, content_type(key), body)
        }
    }
}

/// A response with all of `body`. Its length is always stated, also for
/// HEAD (hyper then sends the same headers and no body).
fn whole(status: StatusCode, ctype: &'static str, body: Vec<u8>) -> Response<Body> {
    let length = body.len();
    let mut r = Response::new(Either::Left(Full::new(Bytes::from(body))));
    *r.status_mut() = status;
    headers(&mut r, ctype, [(CONTENT_LENGTH, HeaderValue::from(length))]);
    r
}

fn text(status: StatusCode, message: &str) -> Response<Body> {
    whole(status, "text/plain; charset=utf-8", format!("{message}\n").into_bytes())
}

/// `r`, telling the client the connection closes after it (its request
/// body, if any, is never read).
fn closing(mut r: Response<Body>) -> Response<Body> {
    r.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
    r
}

fn headers<const N: usize>(r: &mut Response<Body>, ctype: &'static str, more: [(HeaderName, HeaderValue); N]) {
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.extend(more.into_iter().map(|(k, v)| (Some(k), v)));
}

fn with_reload(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{RELOAD}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{RELOAD}").into_bytes(),
    }
}

/// Server-sent events: the build version now, then each new one (a ping
/// every 15 s between); for HEAD, the headers only.
fn events(head: bool, live: Arc<Live>, stop: Arc<AtomicBool>) -> Response<Body> {
    let (tx, body) = Channel::new(1);
    if !head {
        tokio::spawn(announce(tx, live, stop));
    }
    let mut r = Response::new(Either::Right(body));
    headers(&mut r, "text/event-stream", []);
    r
}

async fn announce(mut tx: Sender<Bytes>, live: Arc<Live>, stop: Arc<AtomicBool>) {
    if tx.send_data(Bytes::from_static(b"retry: 1000\n\n")).await.is_err() {
        return;
    }
    let (mut sent, mut quiet) = (None, 0);
    while !stop.load(Ordering::SeqCst) {
        let version = live.version();
        let line = if sent != Some(version) {
            sent = Some(version);
            quiet = 0;
            Some(format!("data: {version}\n\n"))
        } else if quiet >= 75 {
            quiet = 0;
            Some(": ping\n\n".to_string())
        } else {
            None
        };
        if let Some(line) = line {
            if tx.send_data(Bytes::from(line)).await.is_err() {
                return; // the client has gone
            }
        }
        quiet += 1;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
