//! Per-host facts: what no pasted text carries (versions, licence, CPU, vmk tags), given
//! as a JSON file (`vmkcheck check --facts FILE.json`).
//!
//! The file is an object mapping host names to objects whose fields are all optional
//! (`null` counts as absent):
//!
//! ```json
//! {
//!   "esx01": {"esxi_version": "7.0.3", "vcenter": "vc-a.example.com", "vcenter_version": "7.0 U3",
//!             "license": "enterprise_plus", "cpu_vendor": "intel", "aes_ni": true, "pclmulqdq": true,
//!             "evc_mode": "intel-cascadelake", "encrypted_vmotion": "opportunistic",
//!             "line_rate_mbps": 10000, "linked_mode": true,
//!             "tags": {"vmk0": ["Management"], "vmk1": ["VMotion", "vSphereProvisioning"]}},
//!   "esx02": {"esxi_version": "6.5"}
//! }
//! ```
//!
//! [`Facts::parse`] validates everything in one linear pass without recursion and keeps
//! only the text; hosts and tags are re-read on demand. Strings (host names, `vcenter`,
//! `evc_mode`, vmk names) are the raw text between the quotes: escapes are validated but
//! not decoded ([`Unescape`] decodes them; lookups by name decode on the fly).

use core::fmt;
use core::ops::{BitOr, BitOrAssign};

pub use crate::json::Unescape;
use crate::json::{self, Kind, Lexer, Token};
use crate::{Error, ErrorKind};

/// The field names a host object may hold, in the order of [`HostFacts`].
///
/// ```
/// assert!(vmkcheck_core::facts::FIELDS.contains(&"line_rate_mbps"));
/// ```
pub const FIELDS: [&str; 12] = [
    "esxi_version",
    "vcenter",
    "vcenter_version",
    "license",
    "cpu_vendor",
    "aes_ni",
    "pclmulqdq",
    "evc_mode",
    "encrypted_vmotion",
    "line_rate_mbps",
    "linked_mode",
    "tags",
];

/// Longest decoded value (version, enum name) that is looked at; longer ones are unknown.
const VALUE_MAX: usize = 64;

/// The facts of every host, validated, borrowing the text (nothing is stored).
///
/// ```
/// use vmkcheck_core::facts::{Facts, License, Tags, Version};
/// let text = r#"{"esx01": {"esxi_version": "7.0.3", "license": "Enterprise Plus",
///                           "tags": {"vmk1": ["VMotion", "vSphereProvisioning"]}},
///                "esx02": {"esxi_version": 6.5}}"#;
/// let facts = Facts::parse(text)?;
/// let esx01 = facts.host("esx01").unwrap();
/// assert_eq!(esx01.esxi_version, Some(Version::new(7, 0)));
/// assert_eq!(esx01.license, Some(License::EnterprisePlus));
/// assert!(esx01.tags("vmk1").unwrap().contains(Tags::VMOTION));
/// assert_eq!(facts.host("esx02").unwrap().esxi_version.unwrap().to_string(), "6.5");
/// # Ok::<(), vmkcheck_core::Error>(())
/// ```
#[derive(Clone, Copy, Default)]
pub struct Facts<'a> {
    /// The top-level object, `{` to `}` ("" for no facts).
    object: &'a str,
    len: usize,
}

impl<'a> Facts<'a> {
    /// Validates the whole document (syntax, shape, every field's type and value).
    ///
    /// Errors point at the offending token: [`ErrorKind::Empty`] for blank text,
    /// [`ErrorKind::FactsSyntax`], [`ErrorKind::FactsType`],
    /// [`ErrorKind::FactsUnknownField`], [`ErrorKind::FactsDuplicateField`] or
    /// [`ErrorKind::FactsValue`].
    ///
    /// ```
    /// use vmkcheck_core::{facts::Facts, ErrorKind};
    /// let err = Facts::parse("{\n  \"esx01\": {\"aes_ni\": \"yes\"}\n}").unwrap_err();
    /// assert_eq!((err.kind, err.line, err.column), (ErrorKind::FactsType, 2, 23));
    /// ```
    pub fn parse(text: &'a str) -> Result<Self, Error> {
        let mut lexer = Lexer::new(text);
        let open = lexer.next_token()?;
        match open.kind {
            Kind::ObjectStart => {}
            Kind::End => return Err(Error::at(ErrorKind::Empty, text, 0)),
            kind if kind.starts_value() => {
                return Err(lexer.error(ErrorKind::FactsType, open.offset));
            }
            _ => return Err(lexer.error(ErrorKind::FactsSyntax, open.offset)),
        }
        let mut len = 0usize;
        let mut first = true;
        while let Some((_, value)) = lexer.next_member(&mut first)? {
            parse_host(&mut lexer, value)?;
            len = len.saturating_add(1);
        }
        let object = lexer.since(open.offset);
        let end = lexer.next_token()?;
        if end.kind != Kind::End {
            return Err(lexer.error(ErrorKind::FactsSyntax, end.offset));
        }
        Ok(Self { object, len })
    }

    /// The facts of one host (exact name match; first wins if a name repeats); `None` if
    /// absent. A name written with escapes in the file matches its decoded form, and
    /// its raw form as [`hosts`](Self::hosts) yields it.
    ///
    /// ```
    /// use vmkcheck_core::facts::{CpuVendor, Facts};
    /// let facts = Facts::parse(r#"{"esx\u00301": {"cpu_vendor": "AuthenticAMD"}}"#)?;
    /// assert_eq!(facts.host("esx01").unwrap().cpu_vendor, Some(CpuVendor::Amd));
    /// assert_eq!(facts.host("esx02"), None);
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn host(&self, name: &str) -> Option<HostFacts<'a>> {
        let mut members = Members::new(self.object);
        while let Some((key, value)) = members.next() {
            // Decoded (`esx@1`) or exactly as written (`esx\u00401`, what `hosts()` yields).
            if key.text == name || json::raw_eq(key.text, name) {
                return parse_host(&mut members.lexer, value).ok();
            }
            members.skip(value)?;
        }
        None
    }

    /// Every (host name, facts) in document order; names are raw (see [`Unescape`]).
    ///
    /// ```
    /// use vmkcheck_core::facts::Facts;
    /// let facts = Facts::parse(r#"{"b": {}, "a": {"linked_mode": true}}"#)?;
    /// let names: Vec<&str> = facts.hosts().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["b", "a"]);
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn hosts(&self) -> impl Iterator<Item = (&'a str, HostFacts<'a>)> + Clone + use<'a> {
        let mut members = Members::new(self.object);
        core::iter::from_fn(move || {
            let (key, value) = members.next()?;
            let host = parse_host(&mut members.lexer, value);
            Some((key.text, members.check(host)?))
        })
    }

    /// Number of hosts (a repeated name counts each time).
    ///
    /// ```
    /// assert_eq!(vmkcheck_core::facts::Facts::parse(r#"{"a": {}, "b": {}}"#)?.len(), 2);
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no hosts (`{}`, or the `Default` of no facts at all).
    ///
    /// ```
    /// use vmkcheck_core::facts::Facts;
    /// assert!(Facts::parse("{}")?.is_empty() && Facts::default().is_empty());
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl fmt::Debug for Facts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.hosts()).finish()
    }
}

/// The facts about one host; every field is optional.
///
/// ```
/// use vmkcheck_core::facts::{EncryptedVmotion, Facts};
/// let facts = Facts::parse(r#"{"esx01": {"encrypted_vmotion": "Required", "aes_ni": null}}"#)?;
/// let host = facts.host("esx01").unwrap();
/// assert_eq!(host.encrypted_vmotion, Some(EncryptedVmotion::Required));
/// assert_eq!((host.aes_ni, host.esxi_version), (None, None));
/// # Ok::<(), vmkcheck_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct HostFacts<'a> {
    /// ESXi version (`"7.0.3"` → 7.0).
    pub esxi_version: Option<Version>,
    /// The vCenter managing the host (raw string).
    pub vcenter: Option<&'a str>,
    /// That vCenter's version.
    pub vcenter_version: Option<Version>,
    /// vSphere licence edition.
    pub license: Option<License>,
    /// CPU vendor.
    pub cpu_vendor: Option<CpuVendor>,
    /// Whether the CPU has AES-NI (needed for fast encrypted vMotion).
    pub aes_ni: Option<bool>,
    /// Whether the CPU has PCLMULQDQ (likewise).
    pub pclmulqdq: Option<bool>,
    /// The cluster's EVC mode (raw string, e.g. `intel-cascadelake`).
    pub evc_mode: Option<&'a str>,
    /// The VM's encrypted vMotion setting.
    pub encrypted_vmotion: Option<EncryptedVmotion>,
    /// Line rate of the vMotion uplink, in Mbit/s.
    pub line_rate_mbps: Option<u32>,
    /// Whether the vCenter is in Enhanced Linked Mode.
    pub linked_mode: Option<bool>,
    /// The raw `tags` object (`{` to `}`), "" when absent; re-read by [`HostFacts::tags`].
    tags_json: &'a str,
}

impl<'a> HostFacts<'a> {
    /// Tags of one vmk (`None`: the facts say nothing about this vmk). The first entry
    /// wins if a vmk repeats; `"vmk1": null` counts as absent.
    ///
    /// ```
    /// use vmkcheck_core::facts::{Facts, Tags};
    /// let facts = Facts::parse(r#"{"h": {"tags": {"vmk0": ["management"], "vmk2": []}}}"#)?;
    /// let host = facts.host("h").unwrap();
    /// assert_eq!(host.tags("vmk0"), Some(Tags::MANAGEMENT));
    /// assert_eq!(host.tags("vmk2"), Some(Tags::EMPTY));
    /// assert_eq!(host.tags("vmk1"), None);
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn tags(&self, interface: &str) -> Option<Tags> {
        let mut members = Members::new(self.tags_json);
        while let Some((key, value)) = members.next() {
            if json::raw_eq(key.text, interface) {
                return read_tags(&mut members.lexer, value).ok().flatten();
            }
            members.skip(value)?;
        }
        None
    }

    /// Every (vmk, tags) in document order, skipping `null` entries; names are raw.
    ///
    /// ```
    /// use vmkcheck_core::facts::{Facts, Tags};
    /// let facts = Facts::parse(r#"{"h": {"tags": {"vmk1": ["VMotion"], "vmk0": null}}}"#)?;
    /// let all: Vec<_> = facts.host("h").unwrap().all_tags().collect();
    /// assert_eq!(all, [("vmk1", Tags::VMOTION)]);
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn all_tags(&self) -> impl Iterator<Item = (&'a str, Tags)> + Clone + use<'a> {
        let mut members = Members::new(self.tags_json);
        core::iter::from_fn(move || {
            loop {
                let (key, value) = members.next()?;
                let tags = read_tags(&mut members.lexer, value);
                if let Some(tags) = members.check(tags)? {
                    return Some((key.text, tags));
                }
            }
        })
    }

    /// Whether the facts hold a `tags` object at all (even an empty one).
    ///
    /// ```
    /// use vmkcheck_core::facts::Facts;
    /// let facts = Facts::parse(r#"{"a": {"tags": {}}, "b": {"tags": null}}"#)?;
    /// assert!(facts.host("a").unwrap().has_tags());
    /// assert!(!facts.host("b").unwrap().has_tags());
    /// # Ok::<(), vmkcheck_core::Error>(())
    /// ```
    pub fn has_tags(&self) -> bool {
        !self.tags_json.is_empty()
    }
}

// By meaning: the tags compare as decoded, not by their JSON spelling.
impl PartialEq for HostFacts<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.esxi_version == other.esxi_version
            && self.vcenter == other.vcenter
            && self.vcenter_version == other.vcenter_version
            && self.license == other.license
            && self.cpu_vendor == other.cpu_vendor
            && self.aes_ni == other.aes_ni
            && self.pclmulqdq == other.pclmulqdq
            && self.evc_mode == other.evc_mode
            && self.encrypted_vmotion == other.encrypted_vmotion
            && self.line_rate_mbps == other.line_rate_mbps
            && self.linked_mode == other.linked_mode
            && self.has_tags() == other.has_tags()
            && self.all_tags().eq(other.all_tags())
    }
}

impl Eq for HostFacts<'_> {}

/// A `major.minor` version; anything after the minor (`.3`, ` U3`, a build) is dropped.
///
/// ```
/// use vmkcheck_core::facts::Version;
/// assert_eq!(Version::parse("7.0 U3"), Some(Version::new(7, 0)));
/// assert!(Version::new(6, 5) < Version::new(6, 7));
/// assert_eq!(Version::new(8, 0).to_string(), "8.0");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Version {
    /// Major version (`7` in 7.0.3).
    pub major: u8,
    /// Minor version (`0` in 7.0.3; 0 when not written).
    pub minor: u8,
}

impl Version {
    /// The version `major.minor`.
    ///
    /// ```
    /// assert_eq!(vmkcheck_core::facts::Version::new(6, 7).minor, 7);
    /// ```
    pub const fn new(major: u8, minor: u8) -> Self {
        Self { major, minor }
    }

    /// Reads `7.0.3`, `7.0 U3`, `7.0U3c`, `6.5`, `8` (minor 0), `8.0.2 build-22380479`.
    ///
    /// ```
    /// use vmkcheck_core::facts::Version;
    /// assert_eq!(Version::parse("8.0.2"), Some(Version::new(8, 0)));
    /// assert_eq!(Version::parse("8"), Some(Version::new(8, 0)));
    /// assert_eq!(Version::parse("7.x"), None);
    /// assert_eq!(Version::parse("300.1"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Self> {
        let (major, rest) = leading_u8(s.trim())?;
        let (minor, rest) = match rest.strip_prefix('.') {
            Some(after) => leading_u8(after)?,
            None => (0, rest),
        };
        // What may follow: a further `.N`, or an update/build suffix; not `7.0x`.
        let tail_ok = rest.is_empty()
            || rest
                .strip_prefix('.')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            || rest.starts_with(|c: char| c.is_whitespace() || matches!(c, 'U' | 'u' | '-' | '('));
        tail_ok.then_some(Self { major, minor })
    }
}

/// 1–3 leading ASCII digits as a `u8`, and the rest.
fn leading_u8(s: &str) -> Option<(u8, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    let value = s
        .get(..n)
        .filter(|d| (1..=3).contains(&d.len()))?
        .parse()
        .ok()?;
    Some((value, s.get(n..)?))
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// A vSphere licence edition.
///
/// ```
/// use vmkcheck_core::facts::License;
/// assert_eq!(License::from_name("Enterprise Plus"), License::EnterprisePlus);
/// assert_eq!(License::from_name("vSphere Foundation"), License::Other);
/// assert_eq!(License::EssentialsPlus.as_str(), "essentials_plus");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum License {
    /// vSphere Essentials.
    Essentials,
    /// vSphere Essentials Plus.
    EssentialsPlus,
    /// vSphere Standard.
    Standard,
    /// vSphere Enterprise.
    Enterprise,
    /// vSphere Enterprise Plus.
    EnterprisePlus,
    /// Any other edition (not an error: new editions appear).
    Other,
}

impl License {
    /// The edition named `name`, ignoring case, blanks, `_` and `-`, and a leading
    /// `vSphere` (with an optional version: `vSphere 7 Standard`); unknown names are
    /// [`License::Other`].
    ///
    /// ```
    /// use vmkcheck_core::facts::License;
    /// for name in ["enterprise_plus", "ENTERPRISEPLUS", "vSphere 8 Enterprise-Plus"] {
    ///     assert_eq!(License::from_name(name), License::EnterprisePlus);
    /// }
    /// ```
    pub fn from_name(name: &str) -> Self {
        Self::from_chars(name.chars())
    }

    fn from_chars(chars: impl Iterator<Item = char>) -> Self {
        let mut buf = [0u8; VALUE_MAX];
        let Some(key) = normalise(chars, &mut buf) else {
            return Self::Other;
        };
        let key = key
            .strip_prefix("vsphere")
            .map_or(key, |k| k.trim_start_matches(|c: char| c.is_ascii_digit()));
        match key {
            "essentials" => Self::Essentials,
            "essentialsplus" => Self::EssentialsPlus,
            "standard" => Self::Standard,
            "enterprise" => Self::Enterprise,
            "enterpriseplus" => Self::EnterprisePlus,
            _ => Self::Other,
        }
    }

    /// The snake_case id (`"enterprise_plus"`).
    ///
    /// ```
    /// assert_eq!(vmkcheck_core::facts::License::Standard.as_str(), "standard");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Essentials => "essentials",
            Self::EssentialsPlus => "essentials_plus",
            Self::Standard => "standard",
            Self::Enterprise => "enterprise",
            Self::EnterprisePlus => "enterprise_plus",
            Self::Other => "other",
        }
    }
}

/// A CPU vendor (vMotion never crosses vendors).
///
/// ```
/// use vmkcheck_core::facts::CpuVendor;
/// assert_eq!(CpuVendor::from_name("GenuineIntel"), Some(CpuVendor::Intel));
/// assert_eq!(CpuVendor::Amd.as_str(), "amd");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CpuVendor {
    /// Intel (`intel`, `GenuineIntel`).
    Intel,
    /// AMD (`amd`, `AuthenticAMD`).
    Amd,
}

impl CpuVendor {
    /// The vendor named `name` (ignoring case, blanks, `_` and `-`); `None` if unknown.
    ///
    /// ```
    /// use vmkcheck_core::facts::CpuVendor;
    /// assert_eq!(CpuVendor::from_name("AuthenticAMD"), Some(CpuVendor::Amd));
    /// assert_eq!(CpuVendor::from_name("arm"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Self::from_chars(name.chars())
    }

    fn from_chars(chars: impl Iterator<Item = char>) -> Option<Self> {
        let mut buf = [0u8; VALUE_MAX];
        match normalise(chars, &mut buf)? {
            "intel" | "genuineintel" => Some(Self::Intel),
            "amd" | "authenticamd" => Some(Self::Amd),
            _ => None,
        }
    }

    /// The snake_case id (`"intel"`, `"amd"`).
    ///
    /// ```
    /// assert_eq!(vmkcheck_core::facts::CpuVendor::Intel.as_str(), "intel");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Intel => "intel",
            Self::Amd => "amd",
        }
    }
}

/// A VM's encrypted vMotion setting.
///
/// ```
/// use vmkcheck_core::facts::EncryptedVmotion;
/// assert_eq!(EncryptedVmotion::from_name("Opportunistic"), Some(EncryptedVmotion::Opportunistic));
/// assert_eq!(EncryptedVmotion::Required.as_str(), "required");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EncryptedVmotion {
    /// Never encrypted.
    Disabled,
    /// Encrypted when both ends support it (the default).
    Opportunistic,
    /// Always encrypted; the migration fails otherwise.
    Required,
}

impl EncryptedVmotion {
    /// The setting named `name` (ignoring case and blanks); `None` if unknown.
    ///
    /// ```
    /// use vmkcheck_core::facts::EncryptedVmotion;
    /// assert_eq!(EncryptedVmotion::from_name("DISABLED"), Some(EncryptedVmotion::Disabled));
    /// assert_eq!(EncryptedVmotion::from_name("on"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Self::from_chars(name.chars())
    }

    fn from_chars(chars: impl Iterator<Item = char>) -> Option<Self> {
        let mut buf = [0u8; VALUE_MAX];
        match normalise(chars, &mut buf)? {
            "disabled" => Some(Self::Disabled),
            "opportunistic" => Some(Self::Opportunistic),
            "required" => Some(Self::Required),
            _ => None,
        }
    }

    /// The snake_case id (`"disabled"`, `"opportunistic"`, `"required"`).
    ///
    /// ```
    /// use vmkcheck_core::facts::EncryptedVmotion;
    /// assert_eq!(EncryptedVmotion::Opportunistic.as_str(), "opportunistic");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Disabled => "disabled",
            Self::Opportunistic => "opportunistic",
            Self::Required => "required",
        }
    }
}

/// A set of vmk service tags (as `esxcli network ip interface tag` names them).
///
/// ```
/// use vmkcheck_core::facts::Tags;
/// let tags = Tags::MANAGEMENT | Tags::VMOTION;
/// assert!(tags.contains(Tags::VMOTION) && !tags.contains(Tags::VSAN));
/// assert_eq!(tags.to_string(), "VMotion, Management");
/// assert_eq!(Tags::from_name("vsphere_provisioning"), Some(Tags::VSPHERE_PROVISIONING));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tags(u16);

impl Tags {
    /// No tag.
    pub const EMPTY: Self = Self(0);
    /// `VMotion`: vMotion traffic.
    pub const VMOTION: Self = Self(1);
    /// `Management`.
    pub const MANAGEMENT: Self = Self(1 << 1);
    /// `VSAN`.
    pub const VSAN: Self = Self(1 << 2);
    /// `VSANWitness`.
    pub const VSAN_WITNESS: Self = Self(1 << 3);
    /// `faultToleranceLogging`.
    pub const FAULT_TOLERANCE_LOGGING: Self = Self(1 << 4);
    /// `vSphereReplication`.
    pub const VSPHERE_REPLICATION: Self = Self(1 << 5);
    /// `vSphereReplicationNFC`.
    pub const VSPHERE_REPLICATION_NFC: Self = Self(1 << 6);
    /// `vSphereProvisioning`: cold migration, cloning, snapshots.
    pub const VSPHERE_PROVISIONING: Self = Self(1 << 7);
    /// `vSphereBackupNFC`.
    pub const VSPHERE_BACKUP_NFC: Self = Self(1 << 8);
    /// `NVMeTCP`.
    pub const NVME_TCP: Self = Self(1 << 9);
    /// `NVMeRDMA`.
    pub const NVME_RDMA: Self = Self(1 << 10);
    /// `PrecisionTimeProtocol` (ESXi 7.0 U2 and later).
    pub const PRECISION_TIME_PROTOCOL: Self = Self(1 << 11);

    /// Every tag with its esxcli name, in bit (and display) order.
    const NAMED: [(Self, &'static str); 12] = [
        (Self::VMOTION, "VMotion"),
        (Self::MANAGEMENT, "Management"),
        (Self::VSAN, "VSAN"),
        (Self::VSAN_WITNESS, "VSANWitness"),
        (Self::FAULT_TOLERANCE_LOGGING, "faultToleranceLogging"),
        (Self::VSPHERE_REPLICATION, "vSphereReplication"),
        (Self::VSPHERE_REPLICATION_NFC, "vSphereReplicationNFC"),
        (Self::VSPHERE_PROVISIONING, "vSphereProvisioning"),
        (Self::VSPHERE_BACKUP_NFC, "vSphereBackupNFC"),
        (Self::NVME_TCP, "NVMeTCP"),
        (Self::NVME_RDMA, "NVMeRDMA"),
        (Self::PRECISION_TIME_PROTOCOL, "PrecisionTimeProtocol"),
    ];

    /// The tag named `name`, ignoring case, blanks, `_` and `-`. Accepts the esxcli names
    /// and the vSphere Client labels (`Provisioning`, `Fault Tolerance logging`,
    /// `vSAN Witness`, `NVMe over TCP`…); `None` if unknown.
    ///
    /// ```
    /// use vmkcheck_core::facts::Tags;
    /// assert_eq!(Tags::from_name("vMotion"), Some(Tags::VMOTION));
    /// assert_eq!(Tags::from_name("NVMe over TCP"), Some(Tags::NVME_TCP));
    /// assert_eq!(Tags::from_name("vmotoin"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Self::from_chars(name.chars())
    }

    fn from_chars(chars: impl Iterator<Item = char>) -> Option<Self> {
        let mut buf = [0u8; VALUE_MAX];
        let key = normalise(chars, &mut buf)?;
        // The vSphere Client drops the `vSphere` of some labels (`Provisioning`).
        let key = key.strip_prefix("vsphere").unwrap_or(key);
        Some(match key {
            "vmotion" => Self::VMOTION,
            "management" => Self::MANAGEMENT,
            "vsan" => Self::VSAN,
            "vsanwitness" => Self::VSAN_WITNESS,
            "faulttolerancelogging" | "ftlogging" => Self::FAULT_TOLERANCE_LOGGING,
            "replication" => Self::VSPHERE_REPLICATION,
            "replicationnfc" => Self::VSPHERE_REPLICATION_NFC,
            "provisioning" => Self::VSPHERE_PROVISIONING,
            "backupnfc" => Self::VSPHERE_BACKUP_NFC,
            "nvmetcp" | "nvmeovertcp" => Self::NVME_TCP,
            "nvmerdma" | "nvmeoverrdma" => Self::NVME_RDMA,
            "precisiontimeprotocol" | "ptp" => Self::PRECISION_TIME_PROTOCOL,
            _ => return None,
        })
    }

    /// The raw bits (bit 0 VMotion, bit 1 Management, … in constant order).
    ///
    /// ```
    /// assert_eq!(vmkcheck_core::facts::Tags::MANAGEMENT.bits(), 2);
    /// ```
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// Every tag of both sets.
    ///
    /// ```
    /// use vmkcheck_core::facts::Tags;
    /// assert_eq!(Tags::VSAN.union(Tags::VMOTION), Tags::VSAN | Tags::VMOTION);
    /// ```
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Whether every tag of `other` is in `self`.
    ///
    /// ```
    /// use vmkcheck_core::facts::Tags;
    /// assert!((Tags::VSAN | Tags::VMOTION).contains(Tags::VMOTION));
    /// assert!(!Tags::VSAN.contains(Tags::VSAN | Tags::VMOTION));
    /// ```
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether `self` and `other` share a tag.
    ///
    /// ```
    /// use vmkcheck_core::facts::Tags;
    /// assert!((Tags::VSAN | Tags::VMOTION).intersects(Tags::VMOTION | Tags::MANAGEMENT));
    /// ```
    pub const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether the set holds no tag.
    ///
    /// ```
    /// assert!(vmkcheck_core::facts::Tags::EMPTY.is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The esxcli names of the tags in the set, in constant order.
    ///
    /// ```
    /// use vmkcheck_core::facts::Tags;
    /// let names: Vec<&str> = (Tags::NVME_TCP | Tags::VMOTION).iter().collect();
    /// assert_eq!(names, ["VMotion", "NVMeTCP"]);
    /// ```
    pub fn iter(self) -> impl Iterator<Item = &'static str> + Clone {
        Self::NAMED
            .into_iter()
            .filter(move |(tag, _)| self.contains(*tag))
            .map(|(_, name)| name)
    }
}

impl BitOr for Tags {
    type Output = Self;

    fn bitor(self, other: Self) -> Self {
        self.union(other)
    }
}

impl BitOrAssign for Tags {
    fn bitor_assign(&mut self, other: Self) {
        *self = self.union(other);
    }
}

impl fmt::Display for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tags({self})")
    }
}

/// `chars` in ASCII lower case without blanks, `_` and `-`, written into `buf`; `None` if
/// a character is not ASCII or the result does not fit (no known name is that long).
fn normalise(chars: impl Iterator<Item = char>, buf: &mut [u8; VALUE_MAX]) -> Option<&str> {
    let mut n = 0usize;
    for c in chars.filter(|c| !(c.is_whitespace() || matches!(c, '_' | '-'))) {
        *buf.get_mut(n)? = u8::try_from(c)
            .ok()
            .filter(u8::is_ascii)?
            .to_ascii_lowercase();
        n = n.checked_add(1)?;
    }
    core::str::from_utf8(buf.get(..n)?).ok()
}

/// The fields of a host object, in [`FIELDS`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    EsxiVersion,
    Vcenter,
    VcenterVersion,
    License,
    CpuVendor,
    AesNi,
    Pclmulqdq,
    EvcMode,
    EncryptedVmotion,
    LineRateMbps,
    LinkedMode,
    Tags,
}

impl Field {
    const ALL: [Self; 12] = [
        Self::EsxiVersion,
        Self::Vcenter,
        Self::VcenterVersion,
        Self::License,
        Self::CpuVendor,
        Self::AesNi,
        Self::Pclmulqdq,
        Self::EvcMode,
        Self::EncryptedVmotion,
        Self::LineRateMbps,
        Self::LinkedMode,
        Self::Tags,
    ];

    /// The field a raw key names (exact, after decoding escapes).
    fn find(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .zip(FIELDS)
            .find_map(|(field, name)| json::raw_eq(raw, name).then_some(field))
    }

    /// A distinct bit, to catch repeated fields.
    fn bit(self) -> u16 {
        1u16.wrapping_shl(self as u32)
    }
}

/// Reads one host object whose first token is `open`, validating every field.
fn parse_host<'a>(lexer: &mut Lexer<'a>, open: Token<'a>) -> Result<HostFacts<'a>, Error> {
    if open.kind != Kind::ObjectStart {
        return Err(lexer.error(ErrorKind::FactsType, open.offset));
    }
    let mut host = HostFacts::default();
    let mut seen = 0u16;
    let mut first = true;
    while let Some((key, value)) = lexer.next_member(&mut first)? {
        let field = Field::find(key.text)
            .ok_or_else(|| lexer.error(ErrorKind::FactsUnknownField, key.offset))?;
        if seen & field.bit() != 0 {
            return Err(lexer.error(ErrorKind::FactsDuplicateField, key.offset));
        }
        seen |= field.bit();
        if value.kind == Kind::Null {
            continue;
        }
        let lx = &*lexer;
        match field {
            Field::EsxiVersion => host.esxi_version = Some(version(lx, value)?),
            Field::Vcenter => host.vcenter = Some(string(lx, value)?),
            Field::VcenterVersion => host.vcenter_version = Some(version(lx, value)?),
            Field::License => {
                host.license = Some(License::from_chars(Unescape::new(string(lx, value)?)));
            }
            Field::CpuVendor => {
                let raw = string(lx, value)?;
                let vendor = CpuVendor::from_chars(Unescape::new(raw));
                host.cpu_vendor = Some(vendor.ok_or_else(|| invalid(lx, value))?);
            }
            Field::AesNi => host.aes_ni = Some(boolean(lx, value)?),
            Field::Pclmulqdq => host.pclmulqdq = Some(boolean(lx, value)?),
            Field::EvcMode => host.evc_mode = Some(string(lx, value)?),
            Field::EncryptedVmotion => {
                let raw = string(lx, value)?;
                let mode = EncryptedVmotion::from_chars(Unescape::new(raw));
                host.encrypted_vmotion = Some(mode.ok_or_else(|| invalid(lx, value))?);
            }
            Field::LineRateMbps => {
                if value.kind != Kind::Number {
                    return Err(lx.error(ErrorKind::FactsType, value.offset));
                }
                let rate = crate::shape::parse_u32(value.text);
                host.line_rate_mbps = Some(rate.ok_or_else(|| invalid(lx, value))?);
            }
            Field::LinkedMode => host.linked_mode = Some(boolean(lx, value)?),
            Field::Tags => host.tags_json = tags_object(lexer, value)?,
        }
    }
    Ok(host)
}

/// Validates a `tags` object whose first token is `open`; its raw text.
fn tags_object<'a>(lexer: &mut Lexer<'a>, open: Token<'a>) -> Result<&'a str, Error> {
    if open.kind != Kind::ObjectStart {
        return Err(lexer.error(ErrorKind::FactsType, open.offset));
    }
    let mut first = true;
    while let Some((key, value)) = lexer.next_member(&mut first)? {
        let mut buf = [0u8; VALUE_MAX];
        let name = decode(key.text, &mut buf);
        if !name.is_some_and(crate::shape::is_vmk) {
            return Err(lexer.error(ErrorKind::FactsValue, key.offset));
        }
        read_tags(lexer, value)?;
    }
    Ok(lexer.since(open.offset))
}

/// Reads one vmk's tag array whose first token is `open` (`None` for `null`).
fn read_tags<'a>(lexer: &mut Lexer<'a>, open: Token<'a>) -> Result<Option<Tags>, Error> {
    match open.kind {
        Kind::Null => return Ok(None),
        Kind::ArrayStart => {}
        _ => return Err(lexer.error(ErrorKind::FactsType, open.offset)),
    }
    let mut tags = Tags::EMPTY;
    let mut first = true;
    while let Some(item) = lexer.next_element(&mut first)? {
        if item.kind != Kind::Str {
            return Err(lexer.error(ErrorKind::FactsType, item.offset));
        }
        tags |= Tags::from_chars(Unescape::new(item.text)).ok_or_else(|| invalid(lexer, item))?;
    }
    Ok(Some(tags))
}

/// A string value (raw), or a type error.
fn string<'a>(lexer: &Lexer<'a>, value: Token<'a>) -> Result<&'a str, Error> {
    match value.kind {
        Kind::Str => Ok(value.text),
        _ => Err(lexer.error(ErrorKind::FactsType, value.offset)),
    }
}

/// A boolean value, or a type error.
fn boolean(lexer: &Lexer<'_>, value: Token<'_>) -> Result<bool, Error> {
    match value.kind {
        Kind::True => Ok(true),
        Kind::False => Ok(false),
        _ => Err(lexer.error(ErrorKind::FactsType, value.offset)),
    }
}

/// A version, written as a string or a number (`6.5`).
fn version(lexer: &Lexer<'_>, value: Token<'_>) -> Result<Version, Error> {
    let mut buf = [0u8; VALUE_MAX];
    let text = match value.kind {
        Kind::Str => decode(value.text, &mut buf),
        Kind::Number => Some(value.text),
        _ => return Err(lexer.error(ErrorKind::FactsType, value.offset)),
    };
    text.and_then(Version::parse)
        .ok_or_else(|| invalid(lexer, value))
}

/// A [`ErrorKind::FactsValue`] error at `value`.
fn invalid(lexer: &Lexer<'_>, value: Token<'_>) -> Error {
    lexer.error(ErrorKind::FactsValue, value.offset)
}

/// The raw string decoded into `buf` (or `raw` itself without escapes); `None` if too long.
fn decode<'b>(raw: &'b str, buf: &'b mut [u8; VALUE_MAX]) -> Option<&'b str> {
    if !raw.contains('\\') {
        return Some(raw);
    }
    let mut n = 0usize;
    for c in Unescape::new(raw) {
        let end = n.checked_add(c.len_utf8())?;
        c.encode_utf8(buf.get_mut(n..end)?);
        n = end;
    }
    core::str::from_utf8(buf.get(..n)?).ok()
}

/// Walks the members of an already validated object; stops for good at any error.
#[derive(Clone, Debug)]
struct Members<'a> {
    lexer: Lexer<'a>,
    first: bool,
    done: bool,
}

impl<'a> Members<'a> {
    /// Members of `object` (`{` … `}`); none for "".
    fn new(object: &'a str) -> Self {
        let mut lexer = Lexer::new(object);
        let open = lexer.next_token().map(|t| t.kind);
        Self {
            lexer,
            first: true,
            done: open != Ok(Kind::ObjectStart),
        }
    }

    /// The next key and the first token of its value, which the caller must consume.
    fn next(&mut self) -> Option<(Token<'a>, Token<'a>)> {
        if self.done {
            return None;
        }
        let member = self.lexer.next_member(&mut self.first);
        self.check(member).flatten()
    }

    /// Skips a value the caller does not want.
    fn skip(&mut self, value: Token<'a>) -> Option<()> {
        let skipped = json::skip_value(&mut self.lexer, value);
        self.check(skipped)
    }

    /// The result's value; an error (impossible after validation) ends the walk.
    fn check<T>(&mut self, result: Result<T, Error>) -> Option<T> {
        let value = result.ok();
        self.done |= value.is_none();
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;

    /// Found by the `facts` fuzz target (crash-e568e204…): `hosts()` yields a key's raw
    /// text (`esx\u00401`), but `host()` compared only the decoded name (`esx@1`), so
    /// looking up a name that `hosts()` returned failed.
    #[test]
    fn regression_host_finds_the_raw_name_hosts_returns() {
        let f = Facts::parse(r#"{"esx\u00401": {"esxi_version": "7.0"}}"#).expect("valid");
        for (name, _) in f.hosts() {
            assert!(f.host(name).is_some(), "raw {name:?}");
        }
        assert!(f.host("esx@1").is_some(), "decoded");
    }
    use std::string::{String, ToString};
    use std::vec::Vec;

    const EXAMPLE: &str = r#"{
  "esx01": {"esxi_version": "7.0.3", "vcenter": "vc-a.example.com", "vcenter_version": "7.0 U3",
            "license": "enterprise_plus", "cpu_vendor": "intel", "aes_ni": true, "pclmulqdq": true,
            "evc_mode": "intel-cascadelake", "encrypted_vmotion": "opportunistic", "line_rate_mbps": 10000,
            "linked_mode": true,
            "tags": {"vmk0": ["Management"], "vmk1": ["VMotion", "vSphereProvisioning"]}},
  "esx02": {"esxi_version": "6.5"}
}"#;

    /// Kind, line and column of the error for `text`.
    fn err(text: &str) -> (ErrorKind, u32, u32) {
        let e = Facts::parse(text).unwrap_err();
        (e.kind, e.line, e.column)
    }

    /// Reads host `h` of `{"h": {FIELDS}}` with `read`.
    fn one<R>(fields: &str, read: impl FnOnce(HostFacts<'_>) -> R) -> R {
        let text = format!("{{\"h\": {{{fields}}}}}");
        read(Facts::parse(&text).unwrap().host("h").unwrap())
    }

    #[test]
    fn the_full_example() {
        let facts = Facts::parse(EXAMPLE).unwrap();
        assert_eq!((facts.len(), facts.is_empty()), (2, false));
        let h = facts.host("esx01").unwrap();
        assert_eq!(h.esxi_version, Some(Version::new(7, 0)));
        assert_eq!(h.vcenter, Some("vc-a.example.com"));
        assert_eq!(h.vcenter_version, Some(Version::new(7, 0)));
        assert_eq!(h.license, Some(License::EnterprisePlus));
        assert_eq!(h.cpu_vendor, Some(CpuVendor::Intel));
        assert_eq!(
            (h.aes_ni, h.pclmulqdq, h.linked_mode),
            (Some(true), Some(true), Some(true))
        );
        assert_eq!(h.evc_mode, Some("intel-cascadelake"));
        assert_eq!(h.encrypted_vmotion, Some(EncryptedVmotion::Opportunistic));
        assert_eq!(h.line_rate_mbps, Some(10000));
        assert_eq!(h.tags("vmk0"), Some(Tags::MANAGEMENT));
        let vmk1 = h.tags("vmk1").unwrap();
        assert_eq!(vmk1, Tags::VMOTION | Tags::VSPHERE_PROVISIONING);
        assert_eq!(vmk1.to_string(), "VMotion, vSphereProvisioning");
        assert_eq!(h.tags("vmk2"), None);
        let all: Vec<_> = h.all_tags().collect();
        assert_eq!(all, [("vmk0", Tags::MANAGEMENT), ("vmk1", vmk1)]);

        let h2 = facts.host("esx02").unwrap();
        assert_eq!(h2.esxi_version, Some(Version::new(6, 5)));
        assert_eq!(
            h2,
            HostFacts {
                esxi_version: Some(Version::new(6, 5)),
                ..HostFacts::default()
            }
        );
        assert!(!h2.has_tags() && h2.all_tags().next().is_none() && h2.tags("vmk0").is_none());
        assert_eq!(facts.host("esx03"), None);
        assert_eq!(facts.host("ESX01"), None);
        let debug = format!("{facts:?}");
        assert!(debug.starts_with("{\"esx01\": HostFacts {"), "{debug}");
    }

    #[test]
    fn hosts_in_document_order_first_wins() {
        let facts = Facts::parse(
            r#"{"c": {"esxi_version": "8.0"}, "a": {}, "c": {"esxi_version": "6.7"}, "b": {}}"#,
        )
        .unwrap();
        let names: Vec<&str> = facts.hosts().map(|(n, _)| n).collect();
        assert_eq!(names, ["c", "a", "c", "b"]);
        assert_eq!(facts.len(), 4);
        assert_eq!(
            facts.host("c").unwrap().esxi_version,
            Some(Version::new(8, 0))
        );
        let versions: Vec<_> = facts.hosts().map(|(_, h)| h.esxi_version).collect();
        assert_eq!(versions[2], Some(Version::new(6, 7)));
        // The iterator is Clone and resumes where it was.
        let mut it = facts.hosts();
        it.next();
        assert_eq!(it.clone().count(), 3);
        assert_eq!(Facts::default().hosts().count(), 0);
    }

    #[test]
    fn escapes_in_names() {
        let text = r#"{"esx\u00301": {}, "caf\u00e9": {}, "a\"b\\c": {"tags": {"vmk\u0031": ["vmotion"]}}}"#;
        let facts = Facts::parse(text).unwrap();
        assert!(facts.host("esx01").is_some());
        assert!(facts.host("café").is_some());
        let h = facts.host("a\"b\\c").unwrap();
        assert_eq!(h.tags("vmk1"), Some(Tags::VMOTION));
        let (raw, _) = facts.hosts().next().unwrap();
        assert_eq!(raw, r"esx\u00301");
        assert_eq!(Unescape::new(raw).to_string(), "esx01");
        // The raw form `hosts()` yields finds the host too (fuzz regression above).
        assert!(facts.host(r"esx\u00301").is_some());
        // Escaped field names and values decode too.
        let read = one(
            r#""esxi\u005fversion": "7\u002e0", "license": "Enterprise\u0020Plus""#,
            |h| (h.esxi_version, h.license),
        );
        assert_eq!(
            read,
            (Some(Version::new(7, 0)), Some(License::EnterprisePlus))
        );
    }

    #[test]
    fn null_is_absent() {
        let all_null = FIELDS
            .iter()
            .map(|f| format!("\"{f}\": null"))
            .collect::<Vec<_>>()
            .join(", ");
        assert!(one(&all_null, |h| h == HostFacts::default()));
        one(r#""tags": {"vmk0": null, "vmk1": ["VSAN"]}"#, |h| {
            assert_eq!(h.tags("vmk0"), None);
            assert_eq!(h.all_tags().collect::<Vec<_>>(), [("vmk1", Tags::VSAN)]);
        });
    }

    #[test]
    fn every_spelling() {
        for (s, l) in [
            ("essentials", License::Essentials),
            ("Essentials Plus", License::EssentialsPlus),
            ("essentials-plus", License::EssentialsPlus),
            ("STANDARD", License::Standard),
            ("Enterprise", License::Enterprise),
            ("Enterprise Plus", License::EnterprisePlus),
            ("enterprise_plus", License::EnterprisePlus),
            ("ENTERPRISEPLUS", License::EnterprisePlus),
            ("vSphere 7 Enterprise Plus", License::EnterprisePlus),
            ("vsphere_standard", License::Standard),
            ("VCF", License::Other),
            ("Entreprise Plus", License::Other),
            ("", License::Other),
            ("Énterprise", License::Other),
        ] {
            assert_eq!(License::from_name(s), l, "{s}");
            assert_eq!(
                one(&format!("\"license\": \"{s}\""), |h| h.license),
                Some(l),
                "{s}"
            );
        }
        for l in [
            License::Essentials,
            License::EssentialsPlus,
            License::Standard,
            License::Enterprise,
            License::EnterprisePlus,
        ] {
            assert_eq!(License::from_name(l.as_str()), l);
        }
        for (s, v) in [
            ("intel", CpuVendor::Intel),
            ("Intel", CpuVendor::Intel),
            ("GenuineIntel", CpuVendor::Intel),
            ("AMD", CpuVendor::Amd),
            ("authenticamd", CpuVendor::Amd),
        ] {
            assert_eq!(
                one(&format!("\"cpu_vendor\": \"{s}\""), |h| h.cpu_vendor),
                Some(v),
                "{s}"
            );
            assert_eq!(CpuVendor::from_name(v.as_str()), Some(v));
        }
        for (s, m) in [
            ("disabled", EncryptedVmotion::Disabled),
            ("Opportunistic", EncryptedVmotion::Opportunistic),
            ("REQUIRED", EncryptedVmotion::Required),
        ] {
            assert_eq!(
                one(&format!("\"encrypted_vmotion\": \"{s}\""), |h| h
                    .encrypted_vmotion),
                Some(m)
            );
            assert_eq!(EncryptedVmotion::from_name(m.as_str()), Some(m));
        }
        for (s, t) in [
            ("VMotion", Tags::VMOTION),
            ("vmotion", Tags::VMOTION),
            ("Management", Tags::MANAGEMENT),
            ("VSAN", Tags::VSAN),
            ("vSAN Witness", Tags::VSAN_WITNESS),
            ("faultToleranceLogging", Tags::FAULT_TOLERANCE_LOGGING),
            ("Fault Tolerance logging", Tags::FAULT_TOLERANCE_LOGGING),
            ("vSphereReplication", Tags::VSPHERE_REPLICATION),
            ("vsphere_replication_nfc", Tags::VSPHERE_REPLICATION_NFC),
            ("vSphereProvisioning", Tags::VSPHERE_PROVISIONING),
            ("Provisioning", Tags::VSPHERE_PROVISIONING),
            ("vSphereBackupNFC", Tags::VSPHERE_BACKUP_NFC),
            ("NVMeTCP", Tags::NVME_TCP),
            ("nvme-rdma", Tags::NVME_RDMA),
            ("NVMe over RDMA", Tags::NVME_RDMA),
            ("PrecisionTimeProtocol", Tags::PRECISION_TIME_PROTOCOL),
        ] {
            assert_eq!(Tags::from_name(s), Some(t), "{s}");
        }
        // Every tag's display name reads back as itself.
        for (tag, name) in Tags::NAMED {
            assert_eq!(Tags::from_name(name), Some(tag));
            assert_eq!(tag.iter().collect::<Vec<_>>(), [name]);
        }
        let all = Tags::NAMED.iter().fold(Tags::EMPTY, |a, (t, _)| a | *t);
        assert_eq!(all.iter().count(), 12);
        assert_eq!(
            format!("{:?}", Tags::VSAN | Tags::VMOTION),
            "Tags(VMotion, VSAN)"
        );
        assert_eq!(Tags::EMPTY.to_string(), "");
    }

    #[test]
    fn versions() {
        for (s, v) in [
            ("7.0.3", (7, 0)),
            ("7.0 U3", (7, 0)),
            ("7.0U3c", (7, 0)),
            ("7.0 Update 3", (7, 0)),
            ("6.5", (6, 5)),
            ("6.7.0", (6, 7)),
            ("8.0.2", (8, 0)),
            ("8", (8, 0)),
            (" 8.0 ", (8, 0)),
            ("8.0.2-22380479", (8, 0)),
            ("8.0 (build 1)", (8, 0)),
        ] {
            assert_eq!(Version::parse(s), Some(Version::new(v.0, v.1)), "{s}");
        }
        for s in [
            "", "x", "7.", "7.x", "7.0x", "7.0.", "256.0", "7.256", "v7", "-1", "6.5e0", "1e1",
        ] {
            assert_eq!(Version::parse(s), None, "{s}");
        }
        assert_eq!(
            one(r#""esxi_version": 6.5"#, |h| h.esxi_version),
            Some(Version::new(6, 5))
        );
        assert_eq!(
            one(r#""vcenter_version": 8"#, |h| h.vcenter_version),
            Some(Version::new(8, 0))
        );
        assert_eq!(Version::new(7, 0).to_string(), "7.0");
        assert!(Version::new(7, 0) > Version::new(6, 7));
        assert!(Version::new(10, 0) > Version::new(9, 9));
    }

    #[test]
    fn line_rates() {
        assert_eq!(one(r#""line_rate_mbps": 0"#, |h| h.line_rate_mbps), Some(0));
        assert_eq!(
            one(r#""line_rate_mbps": 4294967295"#, |h| h.line_rate_mbps),
            Some(u32::MAX)
        );
        for bad in ["-1", "1.5", "1e4", "4294967296", "-0"] {
            let text = format!("{{\"h\": {{\"line_rate_mbps\": {bad}}}}}");
            assert_eq!(err(&text), (ErrorKind::FactsValue, 1, 26), "{bad}");
        }
        assert_eq!(
            err(r#"{"h": {"line_rate_mbps": "10000"}}"#),
            (ErrorKind::FactsType, 1, 26)
        );
    }

    #[test]
    fn errors_point_at_the_token() {
        // Unknown field (a typo) at line 3, column 5.
        let typo = "{\n  \"esx01\": {\n    \"esxi_verison\": \"7.0\"\n  }\n}";
        assert_eq!(err(typo), (ErrorKind::FactsUnknownField, 3, 5));
        // Wrong type: a string for a boolean.
        let yes = "{\n  \"esx01\": {\n    \"aes_ni\": \"yes\"\n  }\n}";
        assert_eq!(err(yes), (ErrorKind::FactsType, 3, 15));
        // Trailing commas: at the closing bracket.
        assert_eq!(err("{\"a\": {},\n}"), (ErrorKind::FactsSyntax, 2, 1));
        assert_eq!(
            err(r#"{"a": {"tags": {"vmk0": ["VSAN",]}}}"#),
            (ErrorKind::FactsSyntax, 1, 33)
        );
        // Bad tag name and bad vmk name.
        let tag = "{\"esx01\": {\"tags\": {\n  \"vmk1\": [\"VMotion\", \"vMotoin\"]}}}";
        assert_eq!(err(tag), (ErrorKind::FactsValue, 2, 23));
        assert_eq!(
            err(r#"{"h": {"tags": {"vmkl": []}}}"#),
            (ErrorKind::FactsValue, 1, 17)
        );
        assert_eq!(
            err(r#"{"h": {"tags": {"vmk1": "VSAN"}}}"#),
            (ErrorKind::FactsType, 1, 25)
        );
        assert_eq!(
            err(r#"{"h": {"tags": {"vmk1": [7]}}}"#),
            (ErrorKind::FactsType, 1, 26)
        );
        assert_eq!(
            err(r#"{"h": {"tags": ["vmk1"]}}"#),
            (ErrorKind::FactsType, 1, 16)
        );
        // Bad values of the right type.
        assert_eq!(
            err(r#"{"h": {"cpu_vendor": "arm"}}"#),
            (ErrorKind::FactsValue, 1, 22)
        );
        assert_eq!(
            err(r#"{"h": {"encrypted_vmotion": "on"}}"#),
            (ErrorKind::FactsValue, 1, 29)
        );
        assert_eq!(
            err(r#"{"h": {"esxi_version": "seven"}}"#),
            (ErrorKind::FactsValue, 1, 24)
        );
        assert_eq!(
            err(r#"{"h": {"esxi_version": true}}"#),
            (ErrorKind::FactsType, 1, 24)
        );
        assert_eq!(
            err(r#"{"h": {"vcenter": 1}}"#),
            (ErrorKind::FactsType, 1, 19)
        );
        assert_eq!(
            err(r#"{"h": {"linked_mode": "true"}}"#),
            (ErrorKind::FactsType, 1, 23)
        );
        // Duplicate field.
        let dup = "{\"h\": {\"aes_ni\": null,\n \"aes_ni\": true}}";
        assert_eq!(err(dup), (ErrorKind::FactsDuplicateField, 2, 2));
        // Unterminated string: at its opening quote.
        assert_eq!(
            err("{\n  \"esx01\": {\"vcenter\": \"vc-a}}\n"),
            (ErrorKind::FactsSyntax, 2, 24)
        );
        assert_eq!(err("{\"esx01"), (ErrorKind::FactsSyntax, 1, 2));
        // Shape: the top level and every host are objects.
        assert_eq!(err("  [{\"esx01\": {}}]"), (ErrorKind::FactsType, 1, 3));
        assert_eq!(err("\"esx01\""), (ErrorKind::FactsType, 1, 1));
        assert_eq!(err(r#"{"esx01": ["a"]}"#), (ErrorKind::FactsType, 1, 11));
        assert_eq!(err(r#"{"esx01": null}"#), (ErrorKind::FactsType, 1, 11));
        // Syntax: missing pieces, garbage after the document.
        assert_eq!(err(r#"{"esx01" {}}"#), (ErrorKind::FactsSyntax, 1, 10));
        assert_eq!(err(r#"{"esx01": {}} x"#), (ErrorKind::FactsSyntax, 1, 15));
        assert_eq!(err(r#"{"esx01": {}} {}"#), (ErrorKind::FactsSyntax, 1, 15));
        assert_eq!(err(r#"{"esx01": {}"#), (ErrorKind::FactsSyntax, 1, 13));
        assert_eq!(err("{'esx01': {}}"), (ErrorKind::FactsSyntax, 1, 2));
        assert_eq!(err("}"), (ErrorKind::FactsSyntax, 1, 1));
        assert_eq!(err(" \n\t"), (ErrorKind::Empty, 1, 1));
        assert_eq!(err(""), (ErrorKind::Empty, 1, 1));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep: String = core::iter::repeat_n('[', 1000).collect();
        assert_eq!(err(&deep), (ErrorKind::FactsType, 1, 1));
        let in_tags = format!("{{\"h\": {{\"tags\": {{\"vmk0\": {deep}");
        assert_eq!(err(&in_tags), (ErrorKind::FactsType, 1, 26));
        let in_field = format!("{{\"h\": {{\"vcenter\": {deep}");
        assert_eq!(err(&in_field), (ErrorKind::FactsType, 1, 19));
        // Nested objects stop at the first key that is no field.
        let objects = "{\"h\": ".repeat(1000);
        assert_eq!(err(&objects), (ErrorKind::FactsUnknownField, 1, 8));
        let megabyte: String = core::iter::repeat_n('[', 1 << 20).collect();
        assert_eq!(
            err(&format!("{{\"h\": {megabyte}")),
            (ErrorKind::FactsType, 1, 7)
        );
    }

    #[test]
    fn a_megabyte_of_facts() {
        let mut text = String::from("{");
        let mut n = 0;
        while text.len() < 1 << 20 {
            if n > 0 {
                text.push(',');
            }
            text.push_str(&format!(
                "\n\"esx{n:05}\": {{\"esxi_version\": \"8.0.2\", \"license\": \"Enterprise Plus\", \
                 \"line_rate_mbps\": {n}, \"tags\": {{\"vmk0\": [\"Management\"], \"vmk1\": [\"VMotion\"]}}}}"
            ));
            n += 1;
        }
        text.push('}');
        let facts = Facts::parse(&text).unwrap();
        assert_eq!(facts.len(), n);
        let last = format!("esx{:05}", n - 1);
        let h = facts.host(&last).unwrap();
        assert_eq!(h.line_rate_mbps, Some(u32::try_from(n - 1).unwrap()));
        assert_eq!(h.tags("vmk1"), Some(Tags::VMOTION));
        assert_eq!(facts.hosts().count(), n);
    }

    #[test]
    fn equality_is_by_meaning() {
        let a = Facts::parse(r#"{"h": {"tags": {"vmk0": ["VMotion", "VSAN"]}}}"#).unwrap();
        let b = Facts::parse(r#"{"h":{"tags":{"vmk0":["vsan","vmotion","vmotion"]}}}"#).unwrap();
        assert_eq!(a.host("h"), b.host("h"));
        let c = Facts::parse(r#"{"h": {"tags": {}}}"#).unwrap();
        assert_ne!(a.host("h"), c.host("h"));
        assert_ne!(c.host("h"), Some(HostFacts::default()));
    }
}
