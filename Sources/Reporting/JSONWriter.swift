import CModel
import Foundation

/// A small, fast, deterministic JSON writer for reports of hundreds of thousands of entries,
/// where Foundation's JSONEncoder costs more than the whole analysis. Keys are written in
/// sorted order by the callers; `ReportContractTests` decodes the output with the Codable
/// `Report` and checks it equals the report that was written.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    private var needsComma: [Bool] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    private mutating func newline() {
        bytes.append(0x0A)
        if 2 * indent <= Self.spaces.count { bytes.append(contentsOf: Self.spaces[0..<2 * indent]) }
        else { for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) } }
    }

    /// Decimal digits without making a String.
    private mutating func digits(_ i: Int) {
        if i < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        if m < 10 { bytes.append(0x30 + UInt8(m)); return }
        var buf: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &buf) { b in
            while m > 0 { b[19 - n] = 0x30 + UInt8(m % 10); m /= 10; n += 1 }
            bytes.append(contentsOf: b[(20 - n)...])
        }
    }

    private mutating func separator() {
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
            newline()
        }
    }

    mutating func beginObject() { separatorForValue(); bytes.append(UInt8(ascii: "{")); indent += 1; needsComma.append(false) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { separatorForValue(); bytes.append(UInt8(ascii: "[")); indent += 1; needsComma.append(false) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ c: UInt8) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        bytes.append(c)
    }

    /// Pending key: the next value follows `"key": ` directly.
    private var afterKey = false
    private mutating func separatorForValue() {
        if afterKey { afterKey = false } else { separator() }
    }

    mutating func key(_ k: String) {
        separator()
        string(k, raw: true)
        bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
        afterKey = true
    }

    mutating func value(_ s: String) { separatorForValue(); string(s, raw: true) }
    mutating func value(_ s: String?) { if let s { value(s) } else { null() } }
    mutating func value(_ i: Int) { separatorForValue(); digits(i) }
    mutating func value(_ b: Bool) { separatorForValue(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func value(_ d: Double) {
        separatorForValue()
        if d == d.rounded(), abs(d) < 1e15 { bytes.append(contentsOf: String(Int(d)).utf8) }
        else { bytes.append(contentsOf: "\(d)".utf8) }
    }
    mutating func null() { separatorForValue(); bytes.append(contentsOf: "null".utf8) }

    private mutating func string(_ s: String, raw: Bool) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copied in one go.
        let plain = s.utf8.withContiguousStorageIfAvailable { buf -> Bool in
            for b in buf where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
            bytes.append(contentsOf: buf)
            return true
        }
        if plain != true { escaped(s) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 15)])
            default: bytes.append(b)
            }
        }
    }

    /// A writer that continues this one inside the array it has open, for a part of the
    /// array's items written on another thread; `follows` when items come before the part.
    func continuation(follows: Bool, capacity: Int) -> JSONWriter {
        var w = JSONWriter(capacity: capacity)
        w.indent = indent
        w.needsComma = [follows]
        return w
    }
}

extension JSONWriter {
    /// Writes a report with keys in sorted order (the same order `.sortedKeys` would give), in
    /// parts: what comes before the functions, the functions in parts written on all cores,
    /// what comes after. Each part goes to `emit` in order as soon as it and all before it are
    /// written, so the caller writes part k while later parts are still being formatted.
    mutating func writeParts(_ r: Report, _ emit: ([UInt8]) throws -> Void) throws {
        beginObject()
        key("diagnostics"); beginArray()
        for d in r.diagnostics {
            beginObject()
            key("certainty"); value(d.certainty)
            key("column"); value(d.column)
            key("file"); value(d.file)
            key("function"); value(d.function)
            key("id"); value(d.id)
            key("line"); value(d.line)
            key("message"); value(d.message)
            key("notes"); beginArray()
            for n in d.notes {
                beginObject()
                key("column"); value(n.column)
                key("file"); value(n.file)
                key("line"); value(n.line)
                key("message"); value(n.message)
                endObject()
            }
            endArray()
            key("rust"); value(d.rust)
            key("severity"); value(d.severity)
            endObject()
        }
        endArray()
        key("files"); beginArray(); for f in r.files { value(f) }; endArray()
        key("functions"); beginArray()
        // Functions are most of a large report: written in parts on all cores, joined in order.
        if r.functions.count < 1000 {
            for f in r.functions { write(f) }
        } else {
            // Eight parts, taken in turn by the cores, balance better than one half each.
            let parts = 8
            let bounds = (0...parts).map { $0 * r.functions.count / parts }
            let start = self
            try emit(bytes)
            bytes = []
            try inOrder(parts, { k -> [UInt8] in
                var w = start.continuation(follows: k > 0, capacity: 1 << 20)
                for f in r.functions[bounds[k]..<bounds[k + 1]] { w.write(f) }
                return w.bytes
            }, emit)
            needsComma[needsComma.count - 1] = true
        }
        endArray()
        key("models"); beginArray(); for m in r.models { value(m) }; endArray()
        key("structs"); beginArray()
        for s in r.structs {
            beginObject()
            key("fields"); beginArray(); for e in s.fields { write(e) }; endArray()
            key("file"); value(s.file)
            key("line"); value(s.line)
            key("name"); value(s.name)
            key("refcounted"); value(s.refcounted)
            key("union"); value(s.isUnion)
            endObject()
        }
        endArray()
        key("summary"); beginObject()
        key("borrowed"); value(r.summary.borrowed)
        key("functions"); value(r.summary.functions)
        key("owned"); value(r.summary.owned)
        key("pointers"); value(r.summary.pointers)
        key("raw"); value(r.summary.raw)
        key("safe_share"); value(r.summary.safeShare)
        key("shared"); value(r.summary.shared)
        endObject()
        if let units = r.units { key("units"); value(units) }
        key("tool"); beginObject()
        key("clang"); value(r.tool.clang)
        key("name"); value(r.tool.name)
        key("version"); value(r.tool.version)
        endObject()
        key("version"); value(r.version)
        endObject()
        bytes.append(0x0A)
        try emit(bytes)
        bytes = []
    }

    mutating func write(_ f: Report.Function) {
        beginObject()
        key("file"); value(f.file)
        key("line"); value(f.line)
        key("locals"); beginArray(); for e in f.locals { write(e) }; endArray()
        key("name"); value(f.name)
        key("params"); beginArray(); for e in f.params { write(e) }; endArray()
        key("returns"); if let e = f.returns { write(e) } else { null() }
        endObject()
    }

    mutating func write(_ e: Report.Entry) {
        beginObject()
        key("borrows_from"); value(e.borrowsFrom)
        key("evidence"); beginArray()
        for ev in e.evidence {
            beginObject()
            key("file"); value(ev.file)
            key("line"); value(ev.line)
            key("message"); value(ev.message)
            endObject()
        }
        endArray()
        key("line"); value(e.line)
        key("mutable"); value(e.mutable)
        if let n = e.name { key("name"); value(n) }
        key("nullable"); value(e.nullable)
        key("ownership"); value(e.ownership)
        key("resource"); value(e.resource)
        key("rust"); value(e.rust)
        key("type"); value(e.type)
        endObject()
    }
}

/// `make(k)` for k in 0..<count on worker threads (one per core), each result handed to `take`
/// on this thread in order as soon as it is ready.
func inOrder<T: Sendable>(_ count: Int, _ make: @escaping @Sendable (Int) -> T, _ take: (T) throws -> Void) throws {
    var slots = [T?](repeating: nil, count: count)
    let ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
    try slots.withUnsafeMutableBufferPointer { buffer in
        let shared = DisjointSlots(slots: buffer)
        let out = buffer
        for lane in 0..<lanes {
            Thread {
                var k = lane
                while k < count { shared.slots[k] = make(k); ready[k].signal(); k += lanes }
            }.start()
        }
        var failure: Error?
        for k in 0..<count {
            ready[k].wait()
            let part = out[k]!
            out[k] = nil
            // After a failure the workers are still let finish: they write into these slots.
            if failure == nil { do { try take(part) } catch { failure = error } }
        }
        if let failure { throw failure }
    }
}
