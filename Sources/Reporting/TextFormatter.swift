/// The report for people: per function, a compact table of its pointers, class and reason.
public struct TextFormatter {
    public var color: Bool
    public init(color: Bool) { self.color = color }

    func paint(_ s: String, _ cls: String) -> String {
        guard color else { return s }
        let code: String
        switch cls {
        case "owned": code = "32"      // green
        case "borrowed": code = "36"   // cyan
        case "shared": code = "35"     // magenta
        case "raw": code = "31"        // red
        case "bold": code = "1"
        case "dim": code = "2"
        default: return s
        }
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    public func format(_ r: Report) -> String {
        var out = ""
        func row(_ kind: String, _ e: Report.Entry) {
            let name = (e.name ?? "return").visibleControls()
            let cls = e.ownership + (e.mutable ? " mut" : "")
            let why = (e.evidence.first.map { $0.line > 0 ? "\($0.message) (line \($0.line))" : $0.message } ?? "").visibleControls()
            out += "  " + pad(kind, 7) + pad(name, 18) + " " + paint(pad(cls, 13), e.ownership) + pad(e.rust, 26) + " " + paint(why, "dim") + "\n"
        }
        for f in r.functions {
            out += paint("\(f.file.visibleControls()):\(f.line): \(f.name)", "bold") + "\n"
            for p in f.params { row("param", p) }
            if let ret = f.returns { row("return", ret) }
            for l in f.locals where l.ownership != "value" || l.mutable { row("local", l) }
        }
        for s in r.structs {
            out += paint("\(s.file.visibleControls()):\(s.line): \(s.isUnion ? "union" : "struct") \(s.name)\(s.refcounted ? " (reference counted)" : "")", "bold") + "\n"
            for fl in s.fields where fl.ownership != "value" { row("field", fl) }
        }
        let s = r.summary
        out += "\n\(s.functions) functions, \(s.pointers) pointers: \(paint("\(s.owned) owned", "owned")), \(paint("\(s.borrowed) borrowed", "borrowed")), \(paint("\(s.shared) shared", "shared")), \(paint("\(s.raw) raw", "raw")); safe share \(String(format2(s.safeShare * 100)))%\n"
        return out
    }

    func format2(_ d: Double) -> String {
        let v = (d * 10).rounded() / 10
        return v == v.rounded() ? "\(Int(v))" : "\(v)"
    }
}
