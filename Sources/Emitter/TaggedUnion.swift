import CModel

/// A C struct that is a kind field beside a union (`struct value { enum kind kind; union {...} as; }`),
/// where the code tells which union member goes with which kind (stores `v.kind = K; v.as.m = x;`
/// and `switch (v.kind) { case K: ... v.as.m ... }`). It becomes a Rust `enum`.
struct TaggedUnion {
    struct Variant {
        var constant: String
        var value: Int64
        var name: String
        /// The union member carried, or nil for a variant without data.
        var member: Int32?
        var payload: IdiomType?
    }
    var record: Int32
    var name: String
    var tagField: Int32
    var unionField: Int32
    var unionRecord: Int32
    var variants: [Variant]

    func variant(constant: String) -> Variant? { variants.first { $0.constant == constant } }
    func variant(member: Int32) -> Variant? { variants.first { $0.member == member } }

    /// Finds the tagged unions of a unit. `payloadType` types a union member.
    static func find(_ tu: TranslationUnit, name: (Int32) -> String, payloadType: (Int32) -> IdiomType?) -> [Int32: TaggedUnion] {
        var out: [Int32: TaggedUnion] = [:]
        for (r, rec) in tu.records.enumerated() where rec.isUserDefined && !rec.isUnion && rec.fields.count == 2 {
            var tag: Int32? = nil, un: Int32? = nil, unRec: Int32 = -1
            for f in rec.fields {
                let t = tu.fields[Int(f)].type
                guard t >= 0 else { continue }
                let ct = tu.types[Int(t)]
                if ct.shape == .enumeration || (ct.shape == .integer && tu.fields[Int(f)].name.lowercased().contains("kind")) { tag = f }
                if ct.shape == .record, ct.record >= 0, tu.records[Int(ct.record)].isUnion { un = f; unRec = ct.record }
            }
            guard let tag, let un else { continue }
            // kind constant -> member, from stores and from switch arms.
            var pairs: [String: (value: Int64, member: Int32?)] = [:]
            func note(_ c: String, _ v: Int64, _ m: Int32?) {
                if let old = pairs[c], old.member != nil { return }
                pairs[c] = (v, m)
            }
            let nodes = tu.nodes
            func strip(_ i: Int32) -> Int32 { tu.strip(i) }
            func isTag(_ i: Int32) -> Bool { let n = nodes[Int(strip(i))]; return n.kind == .member && n.ref == tag }
            func unionMember(_ i: Int32) -> Int32? {
                let n = nodes[Int(strip(i))]
                guard n.kind == .member, n.ref >= 0, tu.fields[Int(n.ref)].record == unRec else { return nil }
                return n.ref
            }
            func constant(_ i: Int32) -> (String, Int64)? {
                let n = nodes[Int(strip(i))]
                guard n.kind == .enumConstRef, n.ref >= 0 else { return nil }
                return (tu.strings[Int(n.ref)], n.value)
            }
            for f in tu.functions where f.hasBody {
                var i = f.bodyStart
                while i < f.bodyEnd {
                    let n = nodes[Int(i)]
                    if n.kind == .binary, BinaryOp(rawValue: n.op) == .assign, isTag(i + 1) {
                        let k = Array(tu.children(of: i))
                        if let (c, v) = constant(k[1]) {
                            // The next statement stores the member.
                            let next = n.end
                            var m: Int32? = nil
                            if next < f.bodyEnd, nodes[Int(next)].kind == .binary, BinaryOp(rawValue: nodes[Int(next)].op) == .assign {
                                m = unionMember(next + 1)
                            }
                            note(c, v, m)
                        }
                    }
                    if n.kind == .caseStmt {
                        let k = Array(tu.children(of: i))
                        if let first = k.first, let (c, v) = constant(first) {
                            // The member read in the arm: up to the next case.
                            var j = first + 1
                            var m: Int32? = nil
                            var end = n.end
                            // The arm runs on after the case node's own statement until the next case.
                            var p = n.end
                            while p < f.bodyEnd, nodes[Int(p)].kind != .caseStmt, nodes[Int(p)].kind != .defaultStmt, nodes[Int(p)].kind != .breakStmt {
                                p = nodes[Int(p)].end
                            }
                            end = p
                            while j < end {
                                if let um = unionMember(j) { m = um; break }
                                j += 1
                            }
                            note(c, v, m)
                        }
                    }
                    i += 1
                }
            }
            guard !pairs.isEmpty, pairs.values.contains(where: { $0.member != nil }) else { continue }
            let names = pairs.keys.sorted()
            let prefix = commonPrefix(names)
            var variants = pairs.map { c, p in
                Variant(constant: c, value: p.value, name: UnitContext.camel(String(c.dropFirst(prefix.count)).lowercased()),
                        member: p.member, payload: p.member.flatMap(payloadType))
            }
            variants.sort { ($0.value, $0.constant) < ($1.value, $1.constant) }
            out[Int32(r)] = TaggedUnion(record: Int32(r), name: name(Int32(r)), tagField: tag, unionField: un, unionRecord: unRec, variants: variants)
        }
        return out
    }

    static func commonPrefix(_ names: [String]) -> String {
        guard var p = names.first, names.count > 1 else { return "" }
        for n in names.dropFirst() { while !n.hasPrefix(p) { p.removeLast() } }
        // Up to the last underscore: VALUE_NUMBER, VALUE_NAME -> VALUE_
        if let u = p.lastIndex(of: "_") { return String(p[...u]) }
        return ""
    }

    /// The Rust enum.
    func declaration(isProgram: Bool) -> [String] {
        let vis = isProgram ? "" : "pub "
        var out = ["/// A tagged union in the C (the kind field beside a union): one variant per kind."]
        let clone = variants.allSatisfy { v in v.payload.map { t in if case .raw = t { return false }; return true } ?? true }
        out.append("#[derive(Debug\(clone ? ", Clone" : ""))]")
        out.append("\(vis)enum \(name) {")
        for v in variants {
            out.append(v.payload.map { "    \(v.name)(\($0))," } ?? "    \(v.name),")
        }
        out.append("}")
        // A zeroed C struct is the first kind with a zero member.
        if let first = variants.first {
            let zero: String
            switch first.payload {
            case nil: zero = ""
            case .scalar(let s)?: zero = s == "bool" ? "(false)" : (s.hasPrefix("f") ? "(0.0)" : "(0)")
            case .string?: zero = "(String::new())"
            case let t?: zero = "(\(t)::default())"
            }
            out += ["", "impl Default for \(name) {", "    fn default() -> Self {", "        \(name)::\(first.name)\(zero)", "    }", "}"]
        }
        return out
    }
}
