import CModel

extension OwnershipInference {
    /// Turns the solved state into facts for every function and struct in user files.
    func facts() -> ProgramFacts {
        let me = self
        var functions = parallelMap(constraints.count, lanes: 8) { me.functionFacts($0) }.compactMap { $0 }
        functions.sort { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }

        var structs: [StructFacts] = []
        var seen: Set<String> = []
        for (t, tu) in units.enumerated() {
            let mapper = RustTypeMapper(tu: tu, library: library, refcounted: refcounted)
            for rec in tu.records where rec.isUserDefined && !rec.fields.isEmpty {
                guard seen.insert(rec.name).inserted else { continue }
                var fields: [PointerFact] = []
                for f in rec.fields {
                    let field = tu.fields[Int(f)]
                    let key = index.fieldKey(tu: t, field: f)
                    let a = fieldAcc[Int(key)]
                    let isPtr = tu.isPointer(field.type)
                    var cls: OwnershipClass = isPtr ? fieldClass[Int(key)] : ((a.owned || a.fresh) ? .owned : .value)
                    var ev = render(a.evidence).sorted()
                    if isPtr, cls == .raw, rec.isUnion { ev.append(Evidence(message: "member of union '\(rec.name)'", file: tu.fileName(field.loc), line: Int(field.loc.line))) }
                    if isPtr, cls == .borrowed, !a.assignedBorrowed, ev.isEmpty {
                        cls = .raw
                        ev.append(Evidence(message: "never assigned nor released in the analysed code", file: tu.fileName(field.loc), line: Int(field.loc.line)))
                    } else if isPtr, cls == .borrowed, ev.isEmpty {
                        ev.append(Evidence(message: "aliases memory owned elsewhere", file: tu.fileName(field.loc), line: Int(field.loc.line)))
                    }
                    var acc = a
                    if isPtr, selfReferential(tu, rec, field) { acc.nullable = true }
                    fields.append(PointerFact(
                        name: field.name, cType: typeSpelling(tu, field.type), ownership: cls, mutable: a.mutable,
                        rust: mapper.rust(type: field.type, cls: cls, acc: acc, pointee: Acc(), role: .field),
                        nullable: acc.nullable, borrowsFrom: nil, resource: a.resource, evidence: ev, line: Int(field.loc.line), isPointer: isPtr))
                }
                structs.append(StructFacts(name: rec.name, file: tu.fileName(rec.loc), line: Int(rec.loc.line),
                                           isUnion: rec.isUnion, refcounted: refcounted.contains(rec.name), fields: fields))
            }
        }
        structs.sort { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }
        return ProgramFacts(functions: functions, structs: structs)
    }

    /// The reason given when no single event decided the class.
    static func fallback(_ cls: OwnershipClass, mutable: Bool) -> String {
        switch cls {
        case .borrowed: return mutable ? "written through" : "only read"
        case .owned: return "takes ownership"
        case .shared: return "takes part in reference counting"
        case .raw: return "nothing about it can be proven"
        case .value: return "a plain value"
        }
    }

    func typeSpelling(_ tu: TranslationUnit, _ t: Int32) -> String { t >= 0 ? tu.types[Int(t)].spelling : "?" }

    func selfReferential(_ tu: TranslationUnit, _ rec: Record, _ field: Field) -> Bool {
        guard let name = recordName(tu, pointer: field.type) else { return false }
        return name == rec.name
    }

    /// One function's facts (independent of every other function's: facts are made on all cores).
    func functionFacts(_ i: Int) -> FunctionFacts? {
            let c = constraints[i]
            guard let r = results[i] else { return nil }
            let tu = units[c.tu]
            let fn = tu.functions[Int(c.function)]
            let mapper = RustTypeMapper(tu: tu, library: library, refcounted: refcounted)
            let summary = summaries[c.key]!
            var params: [PointerFact] = []
            let refParams = fn.params.filter { tu.isPointer(tu.variables[Int($0)].type) }.count
            for (k, v) in fn.params.enumerated() {
                let variable = tu.variables[Int(v)]
                let a = r.params[k]
                let d = r.params[fn.params.count + k]
                let isPtr = tu.isPointer(variable.type)
                let isHandle = !isPtr && (a.handle != nil || a.owned)
                let cls: OwnershipClass = isPtr ? summary.params[k].cls : (a.owned ? .owned : (isHandle ? .borrowed : .value))
                var ev = render(a.evidence)
                if d.owned || d.fresh { ev += render(d.evidence).map { Evidence(message: "*\(variable.name): \($0.message)", file: $0.file, line: $0.line) } }
                ev.sort()
                if ev.isEmpty && cls != .value {
                    ev = [Evidence(message: Self.fallback(cls, mutable: a.mutable), file: tu.fileName(variable.loc), line: Int(variable.loc.line))]
                }
                params.append(PointerFact(
                    name: variable.name, cType: typeSpelling(tu, variable.type), ownership: cls, mutable: a.mutable,
                    rust: mapper.rust(type: variable.type, cls: cls, acc: a, pointee: d, role: .param),
                    nullable: a.nullable, borrowsFrom: nil, resource: a.resource ?? a.handle, evidence: ev, line: Int(variable.loc.line), isPointer: isPtr || isHandle))
            }
            var returns: PointerFact? = nil
            let rs = summary.ret
            if tu.isPointer(fn.returnType) || rs.cls == .owned {
                var from: String? = nil
                if rs.cls == .borrowed {
                    if let k = rs.from, k < fn.params.count { from = tu.variables[Int(fn.params[k])].name }
                    else if r.retStatic { from = "static" }
                }
                var ev = render(r.ret.evidence)
                if r.retMixed { ev.append(Evidence(message: "returns both owned and borrowed pointers", file: tu.fileName(fn.loc), line: Int(fn.loc.line))) }
                if rs.cls == .owned || rs.cls == .shared, let k = r.retFrom, k < fn.params.count, r.params[k].owned {
                    ev.append(Evidence(message: "returns what parameter '\(tu.variables[Int(fn.params[k])].name)' owned", file: tu.fileName(fn.loc), line: Int(fn.loc.line)))
                    ev.removeAll { $0.message.hasPrefix("also stored where it lives on") }
                }
                if rs.cls == .borrowed, let from { ev.append(Evidence(message: from == "static" ? "points to static storage" : "borrows from parameter '\(from)'", file: tu.fileName(fn.loc), line: Int(fn.loc.line))) }
                ev.sort()
                if ev.isEmpty { ev = [Evidence(message: Self.fallback(rs.cls, mutable: false), file: tu.fileName(fn.loc), line: Int(fn.loc.line))] }
                var acc = r.ret
                acc.resource = rs.resource ?? acc.resource
                let role: RustTypeMapper.Role = from == "static" ? .staticReturn : (refParams > 1 ? .returnWithLifetime : .param)
                returns = PointerFact(
                    name: "", cType: typeSpelling(tu, fn.returnType), ownership: rs.cls, mutable: r.ret.mutable,
                    rust: mapper.rust(type: fn.returnType, cls: rs.cls, acc: acc, pointee: Acc(), role: role),
                    nullable: r.ret.nullable, borrowsFrom: from, resource: rs.resource, evidence: ev, line: Int(fn.loc.line), isPointer: true)
            }
            var locals: [PointerFact] = []
            for v in c.locals {
                let variable = tu.variables[Int(v)]
                let a = r.locals[v] ?? Acc()
                let isPtr = tu.isPointer(variable.type)
                var cls: OwnershipClass
                if isPtr {
                    cls = a.cls
                    if cls == .owned, isRefcounted(tu, variable.type) { cls = .shared }
                } else {
                    cls = (a.owned || a.fresh) ? .owned : .value
                }
                let mutable = isPtr ? a.mutable : (a.valueMut || (cls == .owned && a.mutable))
                var ev = render(a.evidence).sorted()
                if ev.isEmpty, isPtr { ev = [Evidence(message: a.assignedBorrowed ? "aliases memory owned elsewhere" : "only read", file: tu.fileName(variable.loc), line: Int(variable.loc.line))] }
                locals.append(PointerFact(
                    name: variable.name, cType: typeSpelling(tu, variable.type), ownership: cls, mutable: mutable,
                    rust: mapper.rust(type: variable.type, cls: cls, acc: a, pointee: Acc(), role: .local),
                    nullable: a.nullAssigned, borrowsFrom: nil, resource: a.resource ?? a.handle, evidence: ev,
                    line: Int(variable.loc.line), isPointer: isPtr))
            }
            return FunctionFacts(name: fn.name, file: tu.fileName(fn.loc), line: Int(fn.loc.line),
                                 params: params, returns: returns, locals: locals)
    }
}
