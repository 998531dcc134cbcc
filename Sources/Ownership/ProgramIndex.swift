import CModel

/// Program-wide identities across translation units: a function is one symbol however many
/// units declare it (static functions stay per unit, and a second definition in another file,
/// as two programs of one build have two `main`s, is a function of its own); a field is
/// `record.field`.
public struct ProgramIndex: Sendable {
    private var funcKeys: [[Int32]] = []      // [tu][function] -> key
    private var fieldKeys: [[Int32]] = []     // [tu][field] -> key
    /// For each function key: the (tu, function) holding its body, if any.
    private(set) var definitions: [(tu: Int, function: Int32)?] = []
    private(set) var functionNames: [String] = []
    /// For each field key: its first declaration.
    private(set) var fieldDecls: [(tu: Int, field: Int32)] = []
    private(set) var fieldNames: [String] = []
    /// File names program-wide ([tu][file] -> id), so evidence compares places by number.
    private var fileIDs: [[Int32]] = []
    private(set) var fileNames: [String] = ["<unknown>"]

    public init(units: [TranslationUnit]) {
        var fileByName: [String: Int32] = ["<unknown>": 0]
        for tu in units {
            fileIDs.append(tu.files.map { name in
                if let id = fileByName[name] { return id }
                let id = Int32(fileNames.count)
                fileByName[name] = id
                fileNames.append(name)
                return id
            })
        }
        var byName: [String: Int32] = [:]
        var fieldByName: [String: Int32] = [:]
        for (t, tu) in units.enumerated() {
            var keys: [Int32] = []
            keys.reserveCapacity(tu.functions.count)
            for (i, f) in tu.functions.enumerated() {
                // A static function is one per file that defines it: a header's static inline
                // function included by several units is analysed once.
                let name = f.isStatic ? "\(tu.fileName(f.loc)):\(f.name)" : f.name
                var key: Int32
                if let k = byName[name], !f.hasBody || definitionFile(k, units) == nil || definitionFile(k, units) == tu.fileName(f.loc) {
                    key = k
                } else if byName[name] != nil {
                    // A second definition in another file (two programs' `main`, or a tool's and a
                    // test's helper of one name): a function of its own, never dropped. Other
                    // units' calls still go to the first.
                    key = Int32(functionNames.count)
                    functionNames.append(f.name)
                    definitions.append(nil)
                } else {
                    key = Int32(functionNames.count)
                    byName[name] = key
                    functionNames.append(f.name)
                    definitions.append(nil)
                }
                if f.hasBody, definitions[Int(key)] == nil { definitions[Int(key)] = (t, Int32(i)) }
                keys.append(key)
            }
            funcKeys.append(keys)
            var fkeys: [Int32] = []
            fkeys.reserveCapacity(tu.fields.count)
            for (i, f) in tu.fields.enumerated() {
                let rec = f.record >= 0 ? tu.records[Int(f.record)].name : "?"
                let name = "\(rec).\(f.name)"
                let key: Int32
                if let k = fieldByName[name] { key = k } else {
                    key = Int32(fieldNames.count)
                    fieldByName[name] = key
                    fieldNames.append(name)
                    fieldDecls.append((t, Int32(i)))
                }
                fkeys.append(key)
            }
            fieldKeys.append(fkeys)
        }
    }

    private func definitionFile(_ key: Int32, _ units: [TranslationUnit]) -> String? {
        guard let d = definitions[Int(key)] else { return nil }
        return units[d.tu].fileName(units[d.tu].functions[Int(d.function)].loc)
    }

    @inline(__always) public func functionKey(tu: Int, function: Int32) -> Int32 { funcKeys[tu][Int(function)] }
    @inline(__always) public func fieldKey(tu: Int, field: Int32) -> Int32 { fieldKeys[tu][Int(field)] }
    /// The program-wide id of a location's file (0 for none).
    @inline(__always) func fileID(tu: Int, _ loc: SourceLoc) -> Int32 { loc.file >= 0 ? fileIDs[tu][Int(loc.file)] : 0 }
    public func hasBody(_ key: Int32) -> Bool { definitions[Int(key)] != nil }
    public func definition(of key: Int32) -> (tu: Int, function: Int32)? { definitions[Int(key)] }
    public var functionCount: Int { functionNames.count }
    public var fieldCount: Int { fieldNames.count }
}
