//! What every result class shares: value equality, hashing, `to_dict()` in the field
//! order of DESIGN.md §4, a dataclass-style `repr`, and children that become Python
//! objects only when first read.
//!
//! A result is plain Rust data, built without the GIL ([`crate::build`]). Its nested
//! results ([`Kids`], [`Kid`]) stay Rust values until Python reads the attribute; the
//! Python objects made then are cached, so `run.responses is run.responses` holds.

use std::hash::{Hash, Hasher};

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple};

/// One field of a result: how it compares, hashes, and turns into the JSON value of §4.
pub(crate) trait Field {
    /// Value equality (floats compare by bits, so equality agrees with the hash).
    fn same(&self, other: &Self) -> bool;
    /// Feeds the hash.
    fn hash_into<H: Hasher>(&self, h: &mut H);
    /// The JSON value as a Python object (`dict`/`list`/`str`/`int`/`float`/`bool`/`None`).
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
    /// The value in a `repr`.
    fn repr(&self, py: Python<'_>, out: &mut String) -> PyResult<()> {
        out.push_str(&self.to_py(py)?.repr()?.to_cow()?);
        Ok(())
    }
}

macro_rules! scalar {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn same(&self, other: &Self) -> bool {
                self == other
            }
            fn hash_into<H: Hasher>(&self, h: &mut H) {
                self.hash(h);
            }
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.into_bound_py_any(py)
            }
        }
    )*};
}
scalar!(u8, u16, u32, usize, bool, String, &'static str);

impl Field for f64 {
    fn same(&self, other: &Self) -> bool {
        self.to_bits() == other.to_bits()
    }
    fn hash_into<H: Hasher>(&self, h: &mut H) {
        self.to_bits().hash(h);
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.into_bound_py_any(py)
    }
}

impl<T: Field> Field for Option<T> {
    fn same(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.same(b),
            (None, None) => true,
            _ => false,
        }
    }
    fn hash_into<H: Hasher>(&self, h: &mut H) {
        match self {
            Some(v) => {
                h.write_u8(1);
                v.hash_into(h);
            }
            None => h.write_u8(0),
        }
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
    fn repr(&self, py: Python<'_>, out: &mut String) -> PyResult<()> {
        match self {
            Some(v) => v.repr(py, out),
            None => {
                out.push_str("None");
                Ok(())
            }
        }
    }
}

/// A list of strings (a host's vMotion interfaces): a `tuple` attribute, a `list` in JSON.
impl Field for Vec<String> {
    fn same(&self, other: &Self) -> bool {
        self == other
    }
    fn hash_into<H: Hasher>(&self, h: &mut H) {
        self.hash(h);
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self)?.into_any())
    }
    fn repr(&self, py: Python<'_>, out: &mut String) -> PyResult<()> {
        out.push_str(&PyTuple::new(py, self)?.repr()?.to_cow()?);
        Ok(())
    }
}

/// A result class: a frozen `#[pyclass]` whose fields are [`Field`]s.
pub(crate) trait Record:
    pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True>
    + Into<pyo3::PyClassInitializer<Self>>
    + Clone
    + Sync
{
    /// The object of DESIGN.md §4, as Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
    /// `Name(field=value, …)`.
    fn repr(&self, py: Python<'_>) -> PyResult<String>;
}

/// Nested results (responses, rows, sections, findings…): a `tuple` of result objects in
/// Python, made on first access and then cached; a `list` of dicts in `to_dict()`.
pub(crate) struct Kids<T> {
    items: Vec<T>,
    objects: PyOnceLock<Py<PyTuple>>,
}

impl<T> Kids<T> {
    pub(crate) fn new(items: Vec<T>) -> Self {
        Self {
            items,
            objects: PyOnceLock::new(),
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Kids<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.items.fmt(f)
    }
}

impl<T: Clone> Clone for Kids<T> {
    fn clone(&self) -> Self {
        Self::new(self.items.clone())
    }
}

impl<T: Record> Kids<T> {
    /// The Python objects, as one cached tuple.
    pub(crate) fn tuple<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let t = self.objects.get_or_try_init(py, || {
            let objects = self
                .items
                .iter()
                .map(|item| Py::new(py, item.clone()))
                .collect::<PyResult<Vec<Py<T>>>>()?;
            PyResult::Ok(PyTuple::new(py, objects)?.unbind())
        })?;
        Ok(t.bind(py).clone())
    }
}

impl<T: Record + PartialEq + Hash> Field for Kids<T> {
    fn same(&self, other: &Self) -> bool {
        self.items == other.items
    }
    fn hash_into<H: Hasher>(&self, h: &mut H) {
        self.items.hash(h);
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for item in &self.items {
            list.append(item.to_dict(py)?)?;
        }
        Ok(list.into_any())
    }
    fn repr(&self, _py: Python<'_>, out: &mut String) -> PyResult<()> {
        match self.items.len() {
            0 => out.push_str("()"),
            n => out.push_str(&format!("<{n} {}>", <T as pyo3::PyClass>::NAME)),
        }
        Ok(())
    }
}

/// An optional nested result (a run's command, a section's ping run): the Python object
/// is made on first access and then cached.
pub(crate) struct Kid<T> {
    value: Option<T>,
    object: PyOnceLock<Option<Py<T>>>,
}

impl<T> Kid<T> {
    pub(crate) fn new(value: Option<T>) -> Self {
        Self {
            value,
            object: PyOnceLock::new(),
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Kid<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: Clone> Clone for Kid<T> {
    fn clone(&self) -> Self {
        Self::new(self.value.clone())
    }
}

impl<T: Record> Kid<T> {
    /// The Python object (`None` when absent).
    pub(crate) fn object(&self, py: Python<'_>) -> PyResult<Option<Py<T>>> {
        let o = self.object.get_or_try_init(py, || {
            self.value
                .as_ref()
                .map(|v| Py::new(py, v.clone()))
                .transpose()
        })?;
        Ok(o.as_ref().map(|o| o.clone_ref(py)))
    }
}

impl<T: Record + PartialEq + Hash> Field for Kid<T> {
    fn same(&self, other: &Self) -> bool {
        self.value == other.value
    }
    fn hash_into<H: Hasher>(&self, h: &mut H) {
        self.value.hash(h);
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.value {
            Some(v) => Ok(v.to_dict(py)?.into_any()),
            None => Ok(py.None().into_bound(py)),
        }
    }
    fn repr(&self, py: Python<'_>, out: &mut String) -> PyResult<()> {
        match &self.value {
            Some(v) => out.push_str(&v.repr(py)?),
            None => out.push_str("None"),
        }
        Ok(())
    }
}

/// Implements [`PartialEq`], [`Eq`], [`Hash`] and [`Record`] for a result class from its
/// fields in JSON order (`field => "json_name"`), and its `#[pymethods]`: `to_dict`,
/// `__repr__`, `__copy__`, `__deepcopy__`, plus the methods given.
macro_rules! record {
    ($ty:ident { $($field:ident => $json:literal),* $(,)? } $($methods:tt)*) => {
        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                true $(&& $crate::record::Field::same(&self.$field, &other.$field))*
            }
        }

        impl Eq for $ty {}

        impl ::std::hash::Hash for $ty {
            fn hash<H: ::std::hash::Hasher>(&self, h: &mut H) {
                $($crate::record::Field::hash_into(&self.$field, h);)*
            }
        }

        impl $crate::record::Record for $ty {
            fn to_dict<'py>(
                &self,
                py: ::pyo3::Python<'py>,
            ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::types::PyDict>> {
                use ::pyo3::types::PyDictMethods;
                // Copying a dict that already holds the keys is faster than growing a
                // new one key by key (no resizing, no new key slots).
                static TEMPLATE: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::types::PyDict>> =
                    ::pyo3::sync::PyOnceLock::new();
                let template = TEMPLATE.get_or_try_init(py, || {
                    let d = ::pyo3::types::PyDict::new(py);
                    $(d.set_item(::pyo3::intern!(py, $json), py.None())?;)*
                    ::pyo3::PyResult::Ok(d.unbind())
                })?;
                let d = template.bind(py).copy()?;
                $(d.set_item(
                    ::pyo3::intern!(py, $json),
                    $crate::record::Field::to_py(&self.$field, py)?,
                )?;)*
                Ok(d)
            }

            fn repr(&self, py: ::pyo3::Python<'_>) -> ::pyo3::PyResult<String> {
                let mut out = String::from(concat!(stringify!($ty), "("));
                let mut first = true;
                $(
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    out.push_str(concat!($json, "="));
                    $crate::record::Field::repr(&self.$field, py, &mut out)?;
                )*
                let _ = first;
                out.push(')');
                Ok(out)
            }
        }

        #[::pyo3::pymethods]
        impl $ty {
            /// The object of the JSON contract (DESIGN.md §4): plain `dict`s, `list`s,
            /// `str`, `int`, `float`, `bool` and `None`, keys in contract order.
            fn to_dict<'py>(
                &self,
                py: ::pyo3::Python<'py>,
            ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::types::PyDict>> {
                $crate::record::Record::to_dict(self, py)
            }

            fn __repr__(&self, py: ::pyo3::Python<'_>) -> ::pyo3::PyResult<String> {
                $crate::record::Record::repr(self, py)
            }

            /// Results are immutable: a copy is the object itself.
            fn __copy__(slf: ::pyo3::Py<Self>) -> ::pyo3::Py<Self> {
                slf
            }

            /// Results are immutable: a deep copy is the object itself.
            fn __deepcopy__(
                slf: ::pyo3::Py<Self>,
                _memo: &::pyo3::Bound<'_, ::pyo3::PyAny>,
            ) -> ::pyo3::Py<Self> {
                slf
            }

            $($methods)*
        }
    };
}
pub(crate) use record;
