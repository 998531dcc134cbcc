import CSyntax
import RustSyntax

/// A function with `goto` (in any shape) or with case labels inside nested statements becomes a
/// state machine: its statements are cut into basic blocks, every local is declared once at
/// the top (names are unique per function, so hoisting changes nothing), and a loop over a
/// `match` on the current block runs them. Expressions stay whole inside the blocks.
struct FaithfulGoto {
    let translator: FaithfulTranslator

    enum Terminator {
        case jump(Int)
        case branch(RExpr, Int, Int)
        case dispatch(RExpr, [([String], Int)], Int)
        case finish(RExpr?)
    }

    final class Graph {
        var blocks: [[RStmt]] = [[]]
        var ends: [Terminator?] = [nil]
        var current = 0
        var labels: [String: Int] = [:]
        /// Innermost last: where `break` and `continue` go.
        var breaks: [Int] = []
        var continues: [Int?] = []
        var cases: [[([String], Int)]] = []
        var defaults: [Int?] = []
        var hoisted: [RStmt] = []
        var switchTypeStack: [CTy] = []

        func newBlock() -> Int {
            blocks.append([]); ends.append(nil)
            return blocks.count - 1
        }
        func emit(_ s: [RStmt]) { blocks[current] += s }
        /// Ends the current block (unless it already ended) and continues in `next`.
        func end(_ t: Terminator, then next: Int? = nil) {
            if ends[current] == nil { ends[current] = t }
            current = next ?? newBlock()
        }
        func label(_ name: String) -> Int {
            if let b = labels[name] { return b }
            let b = newBlock()
            labels[name] = b
            return b
        }
    }

    static func needsStateMachine(_ s: CStmt) -> Bool {
        switch s {
        case .gotoLabel, .indirectGoto: return true
        case .compound(let list): return list.contains(where: needsStateMachine)
        case .ifThen(_, let a, let b): return needsStateMachine(a) || b.map(needsStateMachine) == true
        case .whileLoop(_, let b), .doWhile(let b, _), .forLoop(_, _, _, let b), .labeled(_, let b),
             .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b):
            return needsStateMachine(b)
        case .switchOn(_, let body):
            if hasNestedCase(body, top: true) { return true }
            return needsStateMachine(body)
        default: return false
        }
    }

    /// Whether a case label of this switch sits below the top level of its body.
    private static func hasNestedCase(_ s: CStmt, top: Bool) -> Bool {
        switch s {
        case .compound(let list): return top ? list.contains { topLevelCaseChain($0) } : list.contains { hasNestedCase($0, top: false) }
        case .caseLabel, .caseRange, .defaultLabel: return !top
        case .ifThen(_, let a, let b): return hasNestedCase(a, top: false) || b.map { hasNestedCase($0, top: false) } == true
        case .whileLoop(_, let b), .doWhile(let b, _), .forLoop(_, _, _, let b), .labeled(_, let b): return hasNestedCase(b, top: false)
        default: return false
        }
    }

    private static func topLevelCaseChain(_ s: CStmt) -> Bool {
        switch s {
        case .caseLabel(_, let b), .caseRange(_, _, let b), .defaultLabel(let b): return topLevelCaseChain(b)
        default: return hasNestedCase(s, top: false)
        }
    }

    func lower(_ body: CStmt) -> RBlock {
        let g = Graph()
        translator.hoistLiterals = true
        translator.hoistedLiterals = []
        defer { translator.hoistLiterals = false }
        walk(body, g)
        g.hoisted += translator.hoistedLiterals
        let f = translator.program.functions[translator.currentFunction]
        let fallOff: RExpr? = translator.currentFunctionIsMain ? .literal("0") : f.type.result == .void ? nil
            : translator.fallOffValue(translator.currentFunction)
        g.end(.finish(fallOff))
        let state = "current_block"
        var arms: [RArm] = []
        for k in reachable(g) {
            var stmts = g.blocks[k]
            switch g.ends[k] ?? .finish(fallOff) {
            case .jump(let t): stmts.append(.expr(.assign(.path(state), .literal("\(t)"))))
            case .branch(let c, let a, let b):
                stmts.append(.expr(.assign(.path(state), .ifElse(c, RBlock(tail: .literal("\(a)")), .block(RBlock(tail: .literal("\(b)")))))))
            case .dispatch(let v, let cases, let otherwise):
                var arms = cases.map { RArm($0.0, RBlock(tail: .literal("\($0.1)"))) }
                arms.append(RArm(["_"], RBlock(tail: .literal("\(otherwise)"))))
                stmts.append(.expr(.assign(.path(state), .match(v, arms))))
            case .finish(let v): stmts.append(.expr(.returnValue(v)))
            }
            arms.append(RArm(["\(k)"], RBlock(stmts)))
        }
        arms.append(RArm(["_"], RBlock([.expr(.macro("unreachable", []))])))
        return RBlock(g.hoisted + [.letBinding(name: state, mutable: true, type: .named("u32"), value: .literal("0")),
                                   .expr(.loop(label: nil, RBlock([.expr(.match(.path(state), arms))])))])
    }

    private func reachable(_ g: Graph) -> [Int] {
        var seen: Set<Int> = [0]
        var work = [0]
        while let k = work.popLast() {
            var next: [Int] = []
            switch g.ends[k] {
            case .jump(let t)?: next = [t]
            case .branch(_, let a, let b)?: next = [a, b]
            case .dispatch(_, let cs, let d)?: next = cs.map(\.1) + [d]
            default: break
            }
            for n in next where seen.insert(n).inserted { work.append(n) }
        }
        return seen.sorted()
    }

    private func walk(_ s: CStmt, _ g: Graph) {
        let t = translator

        switch s {
        case .compound(let list): list.forEach { walk($0, g) }
        case .declaration(let ids):
            for id in ids {
                let v = t.program.variables[id]
                guard v.storage == .local else { g.emit(t.declaration(id)); continue }
                t.check(v.type, at: v.loc)
                g.hoisted.append(contentsOf: t.localSlot(id))
                g.emit(t.withPrelude { t.localAssignment(id) })
            }
        case .expression(let e): g.emit(t.withPrelude { t.effect(e) })
        case .ifThen(let c, let a, let b):
            let thenB = g.newBlock(), join = g.newBlock()
            let elseB = b == nil ? join : g.newBlock()
            let test = t.condition(c)
            flush(g)
            g.end(.branch(test, thenB, elseB), then: thenB)
            walk(a, g)
            g.end(.jump(join), then: elseB)
            if let b {
                walk(b, g)
                g.end(.jump(join), then: join)
            }
        case .whileLoop(let c, let body):
            let head = g.newBlock(), bodyB = g.newBlock(), exit = g.newBlock()
            g.end(.jump(head), then: head)
            let test = t.condition(c)
            flush(g)
            g.end(.branch(test, bodyB, exit), then: bodyB)
            loopBody(body, g, breakTo: exit, continueTo: head)
            g.end(.jump(head), then: exit)
        case .doWhile(let body, let c):
            let bodyB = g.newBlock(), testB = g.newBlock(), exit = g.newBlock()
            g.end(.jump(bodyB), then: bodyB)
            loopBody(body, g, breakTo: exit, continueTo: testB)
            g.end(.jump(testB), then: testB)
            let test = t.condition(c)
            flush(g)
            g.end(.branch(test, bodyB, exit), then: exit)
        case .forLoop(let initial, let c, let step, let body):
            if let initial { walk(initial, g) }
            let head = g.newBlock(), bodyB = g.newBlock(), stepB = g.newBlock(), exit = g.newBlock()
            g.end(.jump(head), then: head)
            if let c {
                let test = t.condition(c)
                flush(g)
                g.end(.branch(test, bodyB, exit), then: bodyB)
            } else { g.end(.jump(bodyB), then: bodyB) }
            loopBody(body, g, breakTo: exit, continueTo: stepB)
            g.end(.jump(stepB), then: stepB)
            if let step { g.emit(t.withPrelude { t.effect(step) }) }
            g.end(.jump(head), then: exit)
        case .switchOn(let e, let body):
            let value = t.temporary("switch")
            g.hoisted.append(.letBinding(name: value, mutable: true, type: t.rtype(e.type), value: t.zero(e.type)))
            g.emit(t.withPrelude { [.expr(.assign(.path(value), t.rvalue(e)))] })
            let dispatchBlock = g.current
            let exit = g.newBlock()
            g.breaks.append(exit); g.continues.append(nil)
            g.cases.append([]); g.defaults.append(nil)
            g.current = g.newBlock()   // statements before the first label are unreachable
            walkSwitchBody(body, g, type: e.type)
            g.end(.jump(exit), then: exit)
            let cases = g.cases.removeLast()
            let def = g.defaults.removeLast() ?? exit
            g.breaks.removeLast(); g.continues.removeLast()
            g.ends[dispatchBlock] = .dispatch(.path(value), cases, def)
        case .caseLabel(let v, let inner):
            let b = g.newBlock()
            g.end(.jump(b), then: b)
            if !g.cases.isEmpty { g.cases[g.cases.count - 1].append(([t.casePattern(v, switchType(g))], b)) }
            walk(inner, g)
        case .caseRange(let lo, let hi, let inner):
            let b = g.newBlock()
            g.end(.jump(b), then: b)
            if !g.cases.isEmpty { g.cases[g.cases.count - 1].append((["\(t.casePattern(lo, switchType(g)))..=\(t.casePattern(hi, switchType(g)))"], b)) }
            walk(inner, g)
        case .defaultLabel(let inner):
            let b = g.newBlock()
            g.end(.jump(b), then: b)
            if !g.defaults.isEmpty { g.defaults[g.defaults.count - 1] = b }
            walk(inner, g)
        case .breakStmt:
            if let b = g.breaks.last { g.end(.jump(b)) }
        case .continueStmt:
            if let c = g.continues.last(where: { $0 != nil }) ?? nil { g.end(.jump(c)) }
        case .returnStmt(let e):
            let f = t.program.functions[t.currentFunction]
            if let e {
                if f.type.result == .void { g.emit(t.withPrelude { t.effect(e) }); g.end(.finish(nil)) }
                else {
                    let v = t.returnedValue(e, f.type.result)
                    flush(g)
                    g.end(.finish(v))
                }
            } else {
                g.end(.finish(t.currentFunctionIsMain ? .literal("0") : nil))
            }
        case .gotoLabel(let name): g.end(.jump(g.label(name)))
        case .indirectGoto(let e):
            // To the label whose number (`&&label`) the pointer holds; any other value is C's
            // undefined behaviour, a panic here.
            let value = RExpr.cast(t.rvalue(e), .named("usize"))
            flush(g)
            let targets = t.labelTargets(t.currentFunction).enumerated().map { (["\($0.offset + 1)usize"], g.label($0.element)) }
            let trap = g.newBlock()
            g.blocks[trap] = [.expr(.macro("panic", [.literal("\"goto * to no label of this function\"")]))]
            g.ends[trap] = .jump(trap)
            g.end(.dispatch(value, targets, trap))
        case .labeled(let name, let inner):
            let b = g.label(name)
            g.end(.jump(b), then: b)
            walk(inner, g)
        case .empty: break
        case .unsupported(let what, let loc): t.refuse(what, at: loc)
        }
    }

    private func switchType(_ g: Graph) -> CTy { g.switchTypeStack.last ?? .int(.int) }

    private func walkSwitchBody(_ body: CStmt, _ g: Graph, type: CTy) {
        g.switchTypeStack.append(type)
        walk(body, g)
        g.switchTypeStack.removeLast()
    }

    /// Puts the statements an expression just lowered needs (compound literals) into the
    /// current block, before its terminator.
    private func flush(_ g: Graph) {
        g.emit(translator.prelude)
        translator.prelude = []
    }

    private func loopBody(_ body: CStmt, _ g: Graph, breakTo: Int, continueTo: Int) {
        g.breaks.append(breakTo); g.continues.append(continueTo)
        walk(body, g)
        g.breaks.removeLast(); g.continues.removeLast()
    }
}
