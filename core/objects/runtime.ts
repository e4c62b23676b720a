/**
 * Loads every runtime type module (each installs its slots on import) and finishes the slots
 * that cut across types: identity hashing, attribute lookup on type objects, and the few
 * attributes of builtin objects that programs commonly read (`__name__`).
 * Importing this module is what makes the object model complete; the VM imports it first.
 */
import './int.js';
import './float.js';
import './str.js';
import './str-methods.js';
import './str-format-spec.js';
import './str-format-method.js';
import './list.js';
import './list-methods.js';
import './tuple.js';
import './frozenset.js';
import './partial-types.js';
import './dict.js';
import './dict-methods.js';
import './range.js';
import './slice.js';
import './function.js';
import './exceptions.js';
import './type-object.js';
