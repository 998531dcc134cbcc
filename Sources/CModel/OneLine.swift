extension String {
    /// For one line of generated text (a `//` comment, a TOML comment): a line break or other
    /// control character, which a C file's name may hold, becomes `?`, so it never ends the
    /// line and starts code.
    public var oneLine: String {
        String(String.UnicodeScalarView(unicodeScalars.map {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? "?" : $0
        }))
    }
}
