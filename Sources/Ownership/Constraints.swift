import CModel

/// A storage place a pointer value can live in, within one function's view.
enum Place: Hashable {
    case v(Int32)          // a variable of the function's translation unit
    case field(Int32)      // a struct field, program-wide (all instances merged)
    case deref(Int32)      // what variable v points to (`*pp`, `pp[i]`)
    case ret               // the function's return value
}

/// Where a pointer value comes from.
enum Src: Hashable {
    case place(Place)
    case interior(Place)           // points into the object `place` points to (p + i, &p->f)
    case fresh(String, Int32)      // a new owned resource of a kind, made at node
    case sharedNew(Int32)          // a reference-counted handle obtained from a library (g_object_ref)
    case call(Int32, Int32)        // result of program function f at node (summary-dependent)
    case staticData                // string literal, static array, &global
    case stack(Int32)              // address of a local variable
    case null
    case opaque(Int32)            // an unrelated cast or integer-made pointer at node: unprovable
}

/// What the code does with a value.
enum Ev {
    case release(String, String)    // resource, by which function
    case move(String)               // moved into (a library owner, an attribute)
    case realloc(String)
    case write(String?)             // written through (via which callee, if any)
    case inheritedWrite             // what it holds a pointer to is written (Rust: the holder is `&mut`)
    case lentToIndirectCall         // passed to a call through a function pointer, not const
    case passHeld(Int32, Int)       // holds a pointer passed to f's parameter k (mutable if that one is)
    case writesResult(Int32, Int)   // passed as f's parameter k, whose result is then written through
    case read
    case index                      // indexed or advanced: a buffer
    case string                     // used as a NUL-terminated string
    case nullCheck
    case nullAssign
    case raw(String)
    case shared(String)
    case counter(Int32, Bool)       // field incremented (true) / decremented (false) through it
    case returned
    case pass(Int32, Int)           // passed to program function f's parameter k (summary-dependent)
    case passAddr(Int32, Int)       // its address passed to f's parameter k (pointee facts)
    case store(Int32)               // stored into field f (depends on the field's class)
    case initResource(String, String)   // value initialised as a resource by function
    case handle(String)             // used as a resource handle of this kind (fd, zmq-socket)
    case valueMut(String)           // a plain value that needs `let mut` (why)
    case keep(String)
    case reinterpreted(String)      // its numbers read as numbers of another type (evidence only)
}

struct Event {
    var ev: Ev
    var srcs: [Src]
    var node: Int32
}

struct Flow {
    var from: Src
    var to: Place
}

/// Everything one function body says, extracted once; the solver re-reads it each round.
struct FunctionConstraints {
    var tu: Int
    var function: Int32             // index in the TU
    var key: Int32                  // program function id
    var flows: [Flow] = []
    var events: [Event] = []
    /// Argument sources of calls to program functions, by call node (for borrowed returns).
    var callArgs: [Int32: [[Src]]] = [:]
    /// Variables declared in the body (locals), in order.
    var locals: [Int32] = []
    /// Returned expressions' base parameters (for `return p->name`, `return s + i`).
    var returnBases: [Int32] = []
    var callees: Set<Int32> = []
}

extension FunctionConstraints {
    /// The same constraints with the unit's function and field ids (`SymbolNames.unit`) renamed
    /// to program keys, for the function at `function` of unit `tu`.
    func renamed(tu: Int, key: Int32, function fk: (Int32) -> Int32, field: (Int32) -> Int32) -> FunctionConstraints {
        func place(_ p: Place) -> Place {
            if case .field(let f) = p, f >= 0 { return .field(field(f)) }
            return p
        }
        func src(_ s: Src) -> Src {
            switch s {
            case .place(let p): return .place(place(p))
            case .interior(let p): return .interior(place(p))
            case .call(let f, let node): return .call(fk(f), node)
            default: return s
            }
        }
        func ev(_ e: Ev) -> Ev {
            switch e {
            case .counter(let f, let inc): return .counter(f >= 0 ? field(f) : f, inc)
            case .pass(let f, let k): return .pass(fk(f), k)
            case .passAddr(let f, let k): return .passAddr(fk(f), k)
            case .passHeld(let f, let k): return .passHeld(fk(f), k)
            case .writesResult(let f, let k): return .writesResult(fk(f), k)
            case .store(let f): return .store(f >= 0 ? field(f) : f)
            default: return e
            }
        }
        var out = FunctionConstraints(tu: tu, function: function, key: key)
        out.flows = flows.map { Flow(from: src($0.from), to: place($0.to)) }
        out.events = events.map { Event(ev: ev($0.ev), srcs: $0.srcs.map(src), node: $0.node) }
        out.callArgs = callArgs.mapValues { $0.map { $0.map(src) } }
        out.locals = locals
        out.returnBases = returnBases
        out.callees = Set(callees.map(fk))
        return out
    }
}
