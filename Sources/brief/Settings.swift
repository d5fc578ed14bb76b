import BriefCore
import BriefStore
import BriefUI

/// The configuration file, read and parsed; a missing file is no configuration, an unreadable
/// one a problem (Brief still starts with the defaults).
enum Settings {
    static func load(_ environment: Environment) -> Configuration {
        guard let path = environment.configFile else { return Configuration() }
        do {
            guard let bytes = try FileIO.readFile(path) else { return Configuration() }
            return Configuration.parse(String(decoding: bytes, as: UTF8.self), fileName: path.withoutControls)
        } catch {
            var configuration = Configuration()
            configuration.problems = [error.description]
            return configuration
        }
    }
}
