import ArgumentParser
import BriefCore
import BriefStore
import BriefUI

/// `brief config check`: whether the configuration file reads cleanly, for scripts.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "The configuration file ($XDG_CONFIG_HOME/brief/config.toml).",
        subcommands: [Check.self, Path.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the configuration file: print its problems and exit 1, or say it is fine.")

        func run() throws {
            let environment = Environment.process
            guard let path = environment.configFile else {
                Output.write("no configuration file: neither XDG_CONFIG_HOME nor HOME is set\n"); return
            }
            var configuration = Settings.load(environment)
            _ = configuration.keymap()
            guard configuration.problems.isEmpty else {
                for problem in configuration.problems { Output.error(problem) }
                throw ExitCode(1)
            }
            let exists = (try? FileIO.readFile(path)) ?? nil
            Output.write(path.withoutControls + (exists == nil ? ": none (the defaults are used)\n" : ": ok\n"))
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where Brief looks for the configuration file.")

        func run() throws {
            guard let path = Environment.process.configFile else { throw ExitCode(1) }
            Output.write(path.withoutControls + "\n")
        }
    }
}
