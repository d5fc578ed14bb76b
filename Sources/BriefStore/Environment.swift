#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read once at start-up and passed to what needs it, so every
/// part of Brief sees the same values (and tests can give their own).
public struct Environment: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public let variables: [String: String]

    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    /// The environment of this process, read once, at its first use (start-up).
    public static let process = current()

    /// The environment of this process as it is now.
    public static func current() -> Environment {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return Environment(result)
    }

    /// The value of `name`, nil when it is unset or empty.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `$XDG_DATA_HOME` when it is absolute, else `~/.local/share` (notes, exports).
    public var dataHome: String {
        if let data = self["XDG_DATA_HOME"], data.hasPrefix("/") { return data }
        return (variables["HOME"] ?? "/tmp") + "/.local/share"
    }

    /// `$XDG_CACHE_HOME` when it is absolute, else `~/.cache` (fetched pages).
    public var cacheHome: String {
        if let cache = self["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache }
        return (variables["HOME"] ?? "/tmp") + "/.cache"
    }

    /// `$XDG_STATE_HOME/brief` or `~/.local/state/brief` (reading positions); nil with neither.
    public var stateDirectory: String? {
        if let state = self["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/brief" }
        if let home = self["HOME"] { return home + "/.local/state/brief" }
        return nil
    }

    /// `$XDG_CONFIG_HOME/brief/config.toml`, else `~/.config/brief/config.toml`; nil with neither.
    public var configFile: String? {
        if let config = self["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/brief/config.toml" }
        if let home = self["HOME"] { return home + "/.config/brief/config.toml" }
        return nil
    }

    /// Where temporary files go: `$TMPDIR`, else /tmp.
    public var temporaryDirectory: String { self["TMPDIR"] ?? "/tmp" }
}
