/// Shells for which `CommandLineParser.completionScript(shell:)` can generate a script.
public enum Shell: String, CaseIterable, Sendable {
    case bash, zsh, fish
}

/// Generates shell completion scripts from the same `ToolSpec` table the parser uses:
/// subcommands, each command's options (plus global ones), and the choices of options
/// and arguments. Values without choices fall back to file-name completion.
struct CompletionScriptGenerator {
    let parser: CommandLineParser
    var tool: ToolSpec { parser.tool }
    var commands: [CommandSpec] { parser.commands }

    /// Shell-safe identifier derived from the tool name, e.g. `antq` → `antq`, `my-tool` → `my_tool`.
    var ident: String {
        String(tool.name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// `help` completes subcommand names; other arguments complete their declared choices.
    func argumentChoices(_ command: CommandSpec) -> [String] {
        if command.name == "help" { return commands.map(\.name).filter { $0 != "help" } }
        return command.arguments.flatMap { $0.choices ?? [] }
    }

    func spellings(_ option: OptionSpec) -> [String] {
        ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? [])
    }

    var helpSpellings: [String] { ["--help", "-h"] }

    // MARK: bash

    func bash() -> String {
        let fn = "_\(ident)"
        let valued = tool.globalOptions.filter(\.takesValue)
        var s = """
        # bash completion for \(tool.name); generated from its command table.
        # Install: source this file, or put it in /etc/bash_completion.d/\(tool.name)
        \(fn)() {
            local cur prev cmd word i
            COMPREPLY=()
            cur="${COMP_WORDS[COMP_CWORD]}"
            prev=""
            if [ "$COMP_CWORD" -gt 0 ]; then
                prev="${COMP_WORDS[COMP_CWORD-1]}"
            fi
            cmd=""
            i=1
            while [ "$i" -lt "$COMP_CWORD" ]; do
                word="${COMP_WORDS[i]}"
                case "$word" in

        """
        if !valued.isEmpty {
            s += "            \(valued.flatMap(spellings).map(shq).joined(separator: "|"))) i=$((i + 2)); continue ;;\n"
        }
        s += """
                    -*) ;;
                    *) cmd="$word"; break ;;
                esac
                i=$((i + 1))
            done

        """
        // Values of command options.
        let commandsWithValues = commands.filter { $0.options.contains(where: \.takesValue) }
        if !commandsWithValues.isEmpty {
            s += "    case \"$cmd\" in\n"
            for command in commandsWithValues {
                s += "        \(shq(command.name)))\n            case \"$prev\" in\n"
                for option in command.options where option.takesValue {
                    s += "                \(bashValueCase(option))\n"
                }
                s += "            esac\n            ;;\n"
            }
            s += "    esac\n"
        }
        // Values of global options.
        if !valued.isEmpty {
            s += "    case \"$prev\" in\n"
            for option in valued { s += "        \(bashValueCase(option))\n" }
            s += "    esac\n"
        }
        let globalWords = tool.globalOptions.flatMap(spellings)
        s += """
            if [ -z "$cmd" ]; then
                if [[ "$cur" == -* ]]; then
                    COMPREPLY=( $(compgen -W \(shq((globalWords + ["--version"] + helpSpellings).joined(separator: " "))) -- "$cur") )
                else
                    COMPREPLY=( $(compgen -W \(shq(commands.map(\.name).joined(separator: " "))) -- "$cur") )
                fi
                return 0
            fi
            case "$cmd" in

        """
        for command in commands {
            let words = command.options.flatMap(spellings) + helpSpellings + globalWords
            s += "        \(shq(command.name)))\n"
            s += "            if [[ \"$cur\" == -* ]]; then\n"
            s += "                COMPREPLY=( $(compgen -W \(shq(words.joined(separator: " "))) -- \"$cur\") )\n"
            let choices = argumentChoices(command)
            if !choices.isEmpty {
                s += "            else\n"
                s += "                COMPREPLY=( $(compgen -W \(shq(choices.joined(separator: " "))) -- \"$cur\") )\n"
            }
            s += "            fi\n            ;;\n"
        }
        s += """
            esac
            return 0
        }
        complete -o default -F \(fn) \(tool.name)

        """
        return s
    }

    /// One `case "$prev"` arm: choices are offered, other values fall back to file names.
    func bashValueCase(_ option: OptionSpec) -> String {
        let pattern = spellings(option).map(shq).joined(separator: "|")
        if let choices = option.choices {
            return "\(pattern)) COMPREPLY=( $(compgen -W \(shq(choices.joined(separator: " "))) -- \"$cur\") ); return 0 ;;"
        }
        return "\(pattern)) return 0 ;;"
    }

    /// POSIX single quoting (bash and zsh).
    func shq(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }

    // MARK: zsh

    func zsh() -> String {
        let fn = "_\(ident)"
        var s = """
        #compdef \(tool.name)
        # zsh completion for \(tool.name); generated from its command table.
        # Install: save as \(fn) in a directory on $fpath.

        \(fn)() {
            local context state state_descr line
            typeset -A opt_args
            local -a global_opts
            global_opts=(

        """
        for option in tool.globalOptions { s += "        \(zshSpec(option))\n" }
        s += """
            )
            _arguments -C \\
                "${global_opts[@]}" \\
                \(shq("--version[" + zshEscape("Show the version.") + "]")) \\
                \(zshHelpSpec) \\
                '1: :->command' \\
                '*:: :->args' && return 0

            case $state in
                command)
                    local -a commands
                    commands=(

        """
        for command in commands {
            s += "                \(shq(command.name.replacing(":", with: "\\:") + ":" + command.abstract))\n"
        }
        s += """
                    )
                    _describe -t commands \(shq(tool.name + " subcommand")) commands
                    ;;
                args)
                    case $line[1] in

        """
        for command in commands {
            s += "                \(shq(command.name)))\n"
            s += "                    _arguments \\\n"
            s += "                        \"${global_opts[@]}\" \\\n"
            s += "                        \(zshHelpSpec)"
            for option in command.options { s += " \\\n                        \(zshSpec(option))" }
            for argument in command.arguments { s += " \\\n                        \(zshSpec(argument, of: command))" }
            s += "\n                    ;;\n"
        }
        s += """
                    esac
                    ;;
            esac
        }

        \(fn) "$@"

        """
        return s
    }

    var zshHelpSpec: String {
        "'(-h --help)'{-h,--help}\(shq("[" + zshEscape("Show help information.") + "]"))"
    }

    /// Escapes text placed inside `[...]` or between `:` in an `_arguments` spec.
    func zshEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\[]:".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Values named like files or directories (`FILE`, `PATH`, `DIR`) complete paths;
    /// other free-form values (dates, numbers) complete nothing rather than misleading file names.
    static func isPathLike(_ valueName: String?) -> Bool {
        let name = (valueName ?? "").uppercased()
        return ["FILE", "PATH", "DIR"].contains { name.contains($0) }
    }

    func zshAction(valueName: String?, choices: [String]?) -> String {
        if let choices { return "(" + choices.map(zshEscape).joined(separator: " ") + ")" }
        let name = (valueName ?? "").uppercased()
        if name.contains("DIR") { return "_files -/" }
        if Self.isPathLike(name) { return "_files" }
        return " "
    }

    func zshSpec(_ option: OptionSpec) -> String {
        var tail = "[" + zshEscape(option.help) + "]"
        if let value = option.valueName {
            tail += ":" + zshEscape(value.lowercased()) + ":" + zshAction(valueName: value, choices: option.choices)
        }
        if let short = option.short {
            let exclusion = option.repeatable ? "'*'" : shq("(-\(short) --\(option.name))")
            return exclusion + "{-\(short),--\(option.name)}" + shq(tail)
        }
        return shq((option.repeatable ? "*" : "") + "--\(option.name)" + tail)
    }

    func zshSpec(_ argument: ArgumentSpec, of command: CommandSpec) -> String {
        let choices = command.name == "help" ? argumentChoices(command) : argument.choices
        let action = zshAction(valueName: argument.name, choices: choices)
        let prefix = argument.variadic ? "*:" : (argument.optional ? "::" : ":")
        return shq(prefix + zshEscape(argument.name.lowercased()) + ":" + action)
    }

    // MARK: fish

    func fish() -> String {
        let c = tool.name
        let valuedGlobals = tool.globalOptions.filter(\.takesValue).flatMap(spellings)
        var s = """
        # fish completion for \(c); generated from its command table.
        # Install: save as ~/.config/fish/completions/\(c).fish

        function __\(ident)_subcommand
            set -l tokens (commandline -opc)
            set -e tokens[1]
            set -l skip 0
            for t in $tokens
                if test $skip -eq 1
                    set skip 0
                    continue
                end
                switch $t

        """
        if !valuedGlobals.isEmpty {
            s += "            case \(valuedGlobals.map(fishq).joined(separator: " "))\n                set skip 1\n"
        }
        s += """
                    case '-*'
                        continue
                    case '*'
                        echo $t
                        return 0
                end
            end
            return 1
        end

        function __\(ident)_needs_subcommand
            not __\(ident)_subcommand >/dev/null
        end

        function __\(ident)_using_subcommand
            set -l cmd (__\(ident)_subcommand)
            or return 1
            test "$cmd" = "$argv[1]"
        end

        complete -c \(c) -f
        complete -c \(c) -n __\(ident)_needs_subcommand -l version -d \(fishq("Show the version."))
        complete -c \(c) -s h -l help -d \(fishq("Show help information."))

        """
        for option in tool.globalOptions { s += fishLine(option, condition: nil) + "\n" }
        for command in commands {
            s += "complete -c \(c) -n __\(ident)_needs_subcommand -a \(fishq(command.name)) -d \(fishq(command.abstract))\n"
        }
        for command in commands {
            let condition = fishq("__\(ident)_using_subcommand \(command.name)")
            for option in command.options { s += fishLine(option, condition: condition) + "\n" }
            let choices = argumentChoices(command)
            if !choices.isEmpty {
                s += "complete -c \(c) -n \(condition) -a \(fishq(choices.joined(separator: " ")))\n"
            } else if command.arguments.contains(where: { Self.isPathLike($0.name) }) {
                s += "complete -c \(c) -n \(condition) -F\n"
            }
        }
        return s
    }

    func fishLine(_ option: OptionSpec, condition: String?) -> String {
        var s = "complete -c \(tool.name)"
        if let condition { s += " -n \(condition)" }
        if let short = option.short { s += " -s \(fishq(String(short)))" }
        s += " -l \(fishq(option.name))"
        if option.takesValue {
            if let choices = option.choices {
                s += " -x -a \(fishq(choices.joined(separator: " ")))"
            } else {
                s += Self.isPathLike(option.valueName) ? " -r -F" : " -x"
            }
        }
        return s + " -d \(fishq(option.help))"
    }

    /// fish single quoting: only `\` and `'` are special inside.
    func fishq(_ text: String) -> String {
        "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }
}

extension CommandLineParser {
    /// A completion script for `shell` covering subcommands, each command's options (with
    /// global options), and the choices of options and arguments. Print it from a
    /// `completions` command and let users source it.
    public func completionScript(shell: Shell) -> String {
        let generator = CompletionScriptGenerator(parser: self)
        switch shell {
        case .bash: return generator.bash()
        case .zsh: return generator.zsh()
        case .fish: return generator.fish()
        }
    }
}
