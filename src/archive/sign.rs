//! Signatures of archives, in minisign's format (Ed25519 over the BLAKE2b
//! hash of the whole file), so anyone can check one without bantin:
//! `minisign -Vm bantin.zip -p bantin.pub`.
//!
//! `bantin keygen` writes a key pair, `bantin.key` (secret, normally
//! protected by a password) and `bantin.pub`; `bantin archive --sign`
//! writes `<archive>.minisig` beside the zip, whose trusted comment names
//! the archive file and its SHA-256; `bantin verify --key` checks it.

use crate::diag::messages::{Archive, Unverifiable};
use ct_codecs::Decoder as _;
use minisign::{KeyPair, PublicKey, SecretKey, SecretKeyBox, SignatureBox};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What a signature file's name adds to its archive's.
pub const SIGNATURE_SUFFIX: &str = ".minisig";
/// The names `bantin keygen` gives the two keys.
pub const SECRET_KEY_FILE: &str = "bantin.key";
pub const PUBLIC_KEY_FILE: &str = "bantin.pub";
/// Where `keygen` and `archive --sign` find the key's password when set.
pub const PASSWORD_VARIABLE: &str = "BANTIN_KEY_PASSWORD";
/// The largest key or signature file read (they are a few hundred bytes).
const SMALL: u64 = 8 * 1024;

/// `bantin.zip.minisig` for `bantin.zip`.
pub fn signature_path(archive: &Path) -> PathBuf {
    let mut name = archive.as_os_str().to_owned();
    name.push(SIGNATURE_SUFFIX);
    PathBuf::from(name)
}

/// A key's id as minisign shows it: 16 hex digits.
fn key_id(keynum: &[u8]) -> String {
    let bytes: [u8; 8] = keynum.try_into().unwrap_or_default();
    format!("{:016X}", u64::from_le_bytes(bytes))
}

/// The text of a key or signature file: a regular file of a few hundred bytes.
fn read_small(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() || meta.len() > SMALL {
        return Err(format!("not a file of at most {SMALL} bytes"));
    }
    let mut text = String::new();
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    file.take(SMALL).read_to_string(&mut text).map_err(|e| e.to_string())?;
    Ok(text)
}

/// `text` without control characters, to be shown or put on one line.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\t' { '?' } else { c }).collect()
}

/// A secret key, opened: what `archive --sign` signs with.
pub struct SigningKey {
    secret: SecretKey,
    public: PublicKey,
}

impl SigningKey {
    /// Whether the secret key file at `path` is protected by a password.
    pub fn needs_password(path: &Path) -> Result<bool, Archive> {
        let unreadable = |detail: String| Archive::KeyUnreadable { path: path.display().to_string(), detail };
        let text = read_small(path).map_err(unreadable)?;
        let line = text.lines().nth(1).unwrap_or("").trim();
        let bytes = ct_codecs::Base64::decode_to_vec(line, None).map_err(|e| unreadable(e.to_string()))?;
        match bytes.get(2..4) {
            Some([0, 0]) => Ok(false),
            Some(b"Sc") => Ok(true),
            _ => Err(unreadable("no minisign secret key on its second line".into())),
        }
    }

    /// Opens the secret key file at `path` (with its password, if it has one).
    pub fn open(path: &Path, password: Option<String>) -> Result<SigningKey, Archive> {
        let shown = path.display().to_string();
        let unreadable = |e: minisign::PError| Archive::KeyUnreadable { path: shown.clone(), detail: e.to_string() };
        let boxed = SecretKeyBox::from_string(
            &read_small(path).map_err(|detail| Archive::KeyUnreadable { path: shown.clone(), detail })?,
        )
        .map_err(unreadable)?;
        let secret = match Self::needs_password(path)? {
            false => SecretKey::from_unencrypted_box(boxed).map_err(unreadable)?,
            true => {
                let password = password.ok_or(Archive::NoPassword)?;
                SecretKey::from_box(boxed, Some(password)).map_err(|e| match e.kind() {
                    minisign::ErrorKind::Verify => Archive::WrongPassword { path: shown.clone() },
                    _ => unreadable(e),
                })?
            }
        };
        let public = PublicKey::from_secret_key(&secret).map_err(unreadable)?;
        Ok(SigningKey { secret, public })
    }

    /// The key's id, as minisign shows it.
    pub fn id(&self) -> String {
        key_id(self.public.keynum())
    }

    /// The signature file of the archive `bytes`, named `name`.
    pub(super) fn sign(&self, name: &str, sha256: &str, bytes: &[u8]) -> Result<String, Archive> {
        let name = one_line(name);
        let trusted = format!("file:{name}\tsha256:{sha256}");
        let untrusted = format!("bantin archive signature; check it with: minisign -Vm {name} -p {PUBLIC_KEY_FILE}");
        let signed = minisign::sign(Some(&self.public), &self.secret, bytes, Some(&trusted), Some(&untrusted));
        signed.map(|s| s.into_string()).map_err(|e| Archive::SigningFailed { detail: e.to_string() })
    }
}

/// What `bantin keygen` wrote.
pub struct KeyFiles {
    pub secret: PathBuf,
    pub public: PathBuf,
    /// The public key's line (`RW…`), to publish.
    pub line: String,
    pub id: String,
}

/// Writes a new key pair into `dir`: the secret key protected by the
/// password `password()` gives (none: unprotected, for automated signing),
/// readable by its owner only. Refuses to replace either key, before
/// asking for a password.
pub fn keygen(dir: &Path, password: impl FnOnce() -> Result<Option<String>, Archive>) -> Result<KeyFiles, Archive> {
    let (secret, public) = (dir.join(SECRET_KEY_FILE), dir.join(PUBLIC_KEY_FILE));
    for path in [&secret, &public] {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(Archive::KeyExists { path: path.display().to_string() });
        }
    }
    let password = password()?;
    let failed = |e: minisign::PError| Archive::SigningFailed { detail: e.to_string() };
    let pair = match password {
        Some(password) => KeyPair::generate_encrypted_keypair(Some(password)),
        None => KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(failed)?;
    let comment = format!("bantin secret key: keep it secret, never publish it (publish {PUBLIC_KEY_FILE})");
    let secret_text = pair.sk.to_box(Some(&comment)).map_err(failed)?.into_string();
    let public_text = pair.pk.to_box().map_err(failed)?.into_string();
    let cannot = |path: &Path, e: std::io::Error| Archive::CannotWrite {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
    write_new(&secret, &secret_text, 0o600).map_err(|e| cannot(&secret, e))?;
    write_new(&public, &public_text, 0o644).map_err(|e| cannot(&public, e))?;
    Ok(KeyFiles { secret, public, line: pair.pk.to_base64(), id: key_id(pair.pk.keynum()) })
}

/// Writes a file that must not exist yet, with Unix permissions `mode`.
fn write_new(path: &Path, text: &str, mode: u32) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)?.write_all(text.as_bytes())
}

/// A public key: what `verify --key` checks a signature with.
pub struct VerifyingKey(PublicKey);

impl VerifyingKey {
    /// A public key file (`bantin.pub`) or its `RW…` line.
    pub fn read(key: &str) -> Result<VerifyingKey, Unverifiable> {
        let unreadable = |detail: String| Unverifiable::KeyUnreadable { key: key.to_string(), detail };
        let text = match std::fs::symlink_metadata(key) {
            Ok(_) => read_small(Path::new(key)).map_err(unreadable)?,
            Err(_) => key.to_string(),
        };
        let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"));
        PublicKey::from_base64(line.unwrap_or("")).map(VerifyingKey).map_err(|e| unreadable(e.to_string()))
    }

    /// The key a site publishes as `archive_public_key` in its
    /// `content/site.yaml`.
    pub fn of_site(root: &Path) -> Result<VerifyingKey, Unverifiable> {
        let path = root.join("content/site.yaml").display().to_string();
        let text = crate::load::peek(root, "content/site.yaml").unwrap_or_default();
        let site: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_default();
        let Some(line) = site.get("archive_public_key").and_then(|k| k.as_str()) else {
            return Err(Unverifiable::NoKeyInSite { path });
        };
        PublicKey::from_base64(line.trim()).map(VerifyingKey).map_err(|e| Unverifiable::KeyUnreadable {
            key: format!("{path}: archive_public_key"),
            detail: e.to_string(),
        })
    }

    pub fn id(&self) -> String {
        key_id(self.0.keynum())
    }
}

/// A signature that matched.
#[derive(Debug)]
pub struct Signed {
    pub id: String,
    /// Its trusted comment (bantin's: `file:<name>\tsha256:<hex>`).
    pub comment: String,
}

/// Checks `<archive>.minisig` against the archive file with `key`.
pub fn check(archive: &Path, key: &VerifyingKey) -> Result<Signed, Unverifiable> {
    let path = signature_path(archive);
    let shown = path.display().to_string();
    if std::fs::symlink_metadata(&path).is_err() {
        return Err(Unverifiable::NoSignature { path: shown });
    }
    let unreadable = |detail: String| Unverifiable::SignatureUnreadable { path: shown.clone(), detail };
    let text = read_small(&path).map_err(unreadable)?;
    let signature = SignatureBox::from_string(&text).map_err(|e| unreadable(e.to_string()))?;
    // minisign would read the whole archive into memory for a legacy
    // signature (not of its hash), and index a short global signature out
    // of bounds.
    if !signature.is_prehashed() {
        return Err(unreadable("a legacy signature (not of the file's hash); sign again with bantin".into()));
    }
    let global = text.lines().nth(3).map(str::trim).unwrap_or("");
    if ct_codecs::Base64::decode_to_vec(global, None).map_or(true, |g| g.len() != 64) {
        return Err(unreadable("its fourth line is not a signature of 64 bytes".into()));
    }
    if signature.keynum() != key.0.keynum() {
        return Err(Unverifiable::OtherKey { signed: key_id(signature.keynum()), key: key.id() });
    }
    let file = std::fs::File::open(archive).map_err(|e| Unverifiable::CannotRead { detail: e.to_string() })?;
    let reader = std::io::BufReader::with_capacity(1 << 16, file);
    minisign::verify(&key.0, &signature, reader, true, false, false).map_err(|_| Unverifiable::BadSignature)?;
    let comment = one_line(&signature.trusted_comment().unwrap_or_default());
    Ok(Signed { id: key.id(), comment })
}
