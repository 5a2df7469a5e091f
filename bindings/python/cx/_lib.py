"""_lib.py - libcx.so through ctypes: finding the library, the C structures
of include/cx.h and the signatures of the functions the package calls.

The library is found, in order, at the path in the CX_LIBRARY environment
variable, under the name the dynamic linker knows (libcx.so.0, after
`make install` and ldconfig, or with LD_LIBRARY_PATH), or through
ctypes.util.find_library("cx")."""
import ctypes
import ctypes.util
import os

SONAME = "libcx.so.0"

c_char_p, c_void_p, c_size_t, c_int, c_long, c_bool, c_double = (
    ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_long,
    ctypes.c_bool, ctypes.c_double)


class Options(ctypes.Structure):
    """struct cx_options"""
    _fields_ = [("digits", c_int), ("precision_bits", c_long), ("max_source_bytes", c_long),
                ("max_nesting", c_int), ("max_call_depth", c_int),
                ("max_result_digits", c_long), ("max_include_depth", c_int),
                ("max_series", c_long), ("max_memory_mb", c_long), ("repl", c_bool),
                ("timeout_ms", c_long), ("max_steps", ctypes.c_longlong),
                ("single_run", c_bool)]


class Output(ctypes.Structure):
    """struct cx_output"""
    _fields_ = [("kind", c_int), ("text", c_char_p), ("expr", c_char_p), ("value", c_char_p),
                ("rhs", c_char_p), ("detail", c_char_p), ("passed", c_bool), ("approx", c_bool),
                ("file", c_char_p), ("line", c_size_t), ("result", c_void_p),
                ("rhs_result", c_void_p), ("columns", ctypes.POINTER(c_char_p)),
                ("n_columns", c_size_t), ("chart_style", c_char_p), ("chart_format", c_char_p),
                ("chart_title", c_char_p), ("chart", c_void_p)]


class ErrorInfo(ctypes.Structure):
    """struct cx_error_info"""
    _fields_ = [("kind", c_int), ("code", c_char_p), ("message", c_char_p), ("hint", c_char_p),
                ("file", c_char_p), ("line", c_size_t), ("col", c_size_t),
                ("end_line", c_size_t), ("end_col", c_size_t), ("at_end_of_input", c_bool)]


class PeriodInfo(ctypes.Structure):
    """struct cx_period_info"""
    _fields_ = [("frequency", c_int), ("year", c_int), ("part", c_int), ("day", c_int),
                ("text", ctypes.c_char * 16)]


OUTPUT_FN = ctypes.CFUNCTYPE(None, c_void_p, ctypes.POINTER(Output))

# name: (restype, argtypes).  Functions returning malloc'ed text are declared
# as c_void_p so the pointer can be handed back to cx_free.
_SIGNATURES = {
    "cx_options_default": (None, [ctypes.POINTER(Options)]),
    "cx_options_size": (c_size_t, []),
    "cx_state_new": (c_void_p, [ctypes.POINTER(Options)]),
    "cx_state_free": (None, [c_void_p]),
    "cx_state_set_output": (None, [c_void_p, OUTPUT_FN, c_void_p]),
    "cx_state_interrupt": (None, [c_void_p]),
    "cx_run_file": (c_int, [c_void_p, c_char_p]),
    "cx_run_string": (c_int, [c_void_p, c_char_p, c_char_p, c_size_t]),
    "cx_define": (c_int, [c_void_p, c_char_p, c_char_p]),
    "cx_checks_passed": (c_size_t, [c_void_p]),
    "cx_checks_failed": (c_size_t, [c_void_p]),
    "cx_error_count": (c_size_t, [c_void_p]),
    "cx_error_get": (c_bool, [c_void_p, c_size_t, ctypes.POINTER(ErrorInfo)]),
    "cx_error_render": (c_void_p, [c_void_p, c_size_t, c_bool]),
    "cx_state_name": (c_char_p, [c_void_p, c_size_t]),
    "cx_state_value": (c_void_p, [c_void_p, c_char_p]),
    "cx_value_kind": (c_int, [c_void_p]),
    "cx_value_unit": (c_void_p, [c_void_p]),
    "cx_value_text": (c_void_p, [c_void_p, c_int]),
    "cx_value_number": (c_void_p, [c_void_p]),
    "cx_value_boolean": (c_bool, [c_void_p]),
    "cx_value_string": (c_void_p, [c_void_p, ctypes.POINTER(c_size_t)]),
    "cx_value_period": (c_bool, [c_void_p, ctypes.POINTER(PeriodInfo)]),
    "cx_value_length": (c_size_t, [c_void_p]),
    "cx_value_item": (c_void_p, [c_void_p, c_size_t]),
    "cx_value_series_period": (c_bool, [c_void_p, c_size_t, ctypes.POINTER(PeriodInfo)]),
    "cx_value_series_number": (c_void_p, [c_void_p, c_size_t]),
    "cx_number_is_approx": (c_bool, [c_void_p]),
    "cx_number_numerator": (c_void_p, [c_void_p]),
    "cx_number_denominator": (c_void_p, [c_void_p]),
    "cx_number_decimal": (c_void_p, [c_void_p, c_int, ctypes.POINTER(c_bool)]),
    "cx_output_chart_svg": (c_void_p, [ctypes.POINTER(Output)]),
    "cx_free": (None, [c_void_p]),
}


def _load():
    names = []
    if os.environ.get("CX_LIBRARY"):
        names.append(os.environ["CX_LIBRARY"])
    names.append(SONAME)
    found = ctypes.util.find_library("cx")
    if found:
        names.append(found)
    last = None
    for name in names:
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError as e:
            last = e
    else:
        raise ImportError("cx: cannot load libcx (%s); install cx (make install) or set "
                          "CX_LIBRARY to the path of libcx.so.0" % last)
    for fn, (restype, argtypes) in _SIGNATURES.items():
        f = getattr(lib, fn)
        f.restype = restype
        f.argtypes = argtypes
    # Options mirrors struct cx_options: a library whose struct differs would
    # write past it, so refuse rather than corrupt memory.
    if lib.cx_options_size() != ctypes.sizeof(Options):
        raise ImportError("cx: this binding's cx_options (%d bytes) does not match libcx's "
                          "(%d bytes); use the binding of the same cx version"
                          % (ctypes.sizeof(Options), lib.cx_options_size()))
    return lib


lib = _load()


def take_text(ptr):
    """The text at a malloc'ed char * from libcx, which is then freed."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8", "replace")
    finally:
        lib.cx_free(ptr)
