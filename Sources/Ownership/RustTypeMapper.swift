import CModel

/// The Rust type a C declaration becomes, given its ownership class and evidence.
struct RustTypeMapper {
    let tu: TranslationUnit
    let library: LibraryModel
    let refcounted: Set<String>

    enum Role { case param, local, field, returnWithLifetime, staticReturn }

    func rust(type: Int32, cls: OwnershipClass, acc: Acc, pointee: Acc, role: Role) -> String {
        guard type >= 0 else { return "()" }
        let t = tu.types[Int(type)]
        if t.shape == .array, t.pointee >= 0, tu.types[Int(t.pointee)].shape == .pointer, cls != .value, cls != .raw {
            // An array of pointers (`struct entry *buckets[16]`): each slot as the pointer it holds,
            // empty until set.
            var e = rust(type: t.pointee, cls: cls, acc: acc, pointee: pointee, role: role)
            if !e.hasPrefix("Option<") && !e.hasPrefix("&") { e = "Option<\(e)>" }
            return t.count >= 0 ? "[\(e); \(t.count)]" : "Vec<\(e)>"
        }
        if t.shape != .pointer {
            if cls == .owned, let r = acc.resource ?? acc.handle, let rt = library.rustType(ofResource: r) { return rt }
            if cls == .borrowed, let r = acc.handle, let rt = library.rustType(ofResource: r) { return "&\(rt)" }
            return scalar(type)
        }
        let target = t.pointee >= 0 ? tu.types[Int(t.pointee)] : nil
        var elem = t.pointee >= 0 ? scalar(t.pointee) : "u8"
        // Elements that are C strings (`char **argv`) are `&str` in a borrowed slice.
        if let target, target.shape == .pointer, target.pointee >= 0, tu.types[Int(target.pointee)].canonicalBare == "char",
           cls == .borrowed, !acc.mutable {
            elem = "&str"
        }
        let isChar = target.map { $0.shape == .integer && $0.size == 1 } ?? false
        // Plain `char` (not signed/unsigned char) is text unless it is only used as bytes.
        let isText = isChar && (target.map { $0.canonicalBare == "char" } ?? false)
        let isVoid = target?.shape == .void
        let lifetime: String
        switch role {
        case .field, .returnWithLifetime: lifetime = "'a "
        case .staticReturn: lifetime = "'static "
        default: lifetime = ""
        }
        var out: String
        switch cls {
        case .owned:
            if let r = acc.resource, r != "heap", r != "glib-heap", let rt = library.rustType(ofResource: r) { out = rt }
            else if isChar && (acc.string || (isText && !acc.indexed)) { out = "String" }
            else if isVoid { out = "Vec<u8>" }
            else if acc.indexed { out = "Vec<\(elem)>" }
            else { out = "Box<\(elem)>" }
            if acc.nullAssigned || (role == .field && acc.nullable) || (role == .param && acc.nullable) { out = "Option<\(out)>" }
            return out
        case .shared:
            if let r = acc.resource, r == "gobject", let rt = library.rustType(ofResource: r) { return rt }
            out = "Rc<\(isVoid ? "dyn std::any::Any" : elem)>"
            if role == .field && acc.nullable { out = "Option<\(out)>" }
            return out
        case .raw:
            return t.pointeeConst ? "*const \(isVoid ? "c_void" : elem)" : "*mut \(isVoid ? "c_void" : elem)"
        case .borrowed, .value:
            let mut = acc.mutable ? "mut " : ""
            // T **p whose pointee the callee owns: a mutable reference to the owner.
            if let target, target.shape == .pointer, pointee.owned || pointee.fresh {
                let inner = rust(type: t.pointee, cls: .owned, acc: pointee, pointee: Acc(), role: .local)
                return pointee.nullAssigned || pointee.nullable ? "&mut Option<\(inner.hasPrefix("Option<") ? String(inner.dropFirst(7).dropLast()) : inner)>" : "&mut \(inner)"
            }
            if let r = acc.handle ?? acc.resource, r != "heap", let rt = library.rustType(ofResource: r) {
                out = "&\(lifetime)\(mut)\(rt)"
            } else if isChar && !acc.mutable && (acc.string || (isText && !acc.indexed) || role == .staticReturn) { out = "&\(lifetime)str" }
            else if isVoid || isChar && acc.indexed { out = "&\(lifetime)\(mut)[u8]" }
            else if acc.indexed { out = "&\(lifetime)\(mut)[\(elem)]" }
            else { out = "&\(lifetime)\(mut)\(elem)" }
            if (role == .param || role == .field) && acc.nullable { out = "Option<\(out)>" }
            return out
        }
    }

    /// The Rust spelling of a non-pointer C type.
    func scalar(_ type: Int32) -> String {
        guard type >= 0 else { return "()" }
        let t = tu.types[Int(type)]
        let plain = t.bare
        switch plain {
        case "size_t": return "usize"
        case "ssize_t", "ptrdiff_t", "intptr_t": return "isize"
        case "uintptr_t": return "usize"
        default: break
        }
        switch t.shape {
        case .void: return "()"
        case .boolean: return "bool"
        case .integer:
            switch t.size {
            case 1: return t.signed && !t.canonical.hasSuffix("char") ? "i8" : (t.canonical == "signed char" ? "i8" : "u8")
            case 2: return t.signed ? "i16" : "u16"
            case 4: return t.signed ? "i32" : "u32"
            case 8: return t.signed ? "i64" : "u64"
            case 16: return t.signed ? "i128" : "u128"
            default: return "i32"
            }
        case .floating: return t.size == 4 ? "f32" : "f64"
        case .record: return t.record >= 0 ? tu.records[Int(t.record)].name : plain
        case .enumeration: return plain.hasPrefix("enum ") ? String(plain.dropFirst(5)) : plain
        case .array:
            let e = scalar(t.pointee)
            return t.count >= 0 ? "[\(e); \(t.count)]" : "[\(e)]"
        case .pointer:
            let p = t.pointee >= 0 ? scalar(t.pointee) : "c_void"
            return t.pointeeConst ? "*const \(p)" : "*mut \(p)"
        case .function: return "fn()"
        case .other: return plain
        }
    }
}
