/// All user-facing wording for parse errors lives here, so every message follows the
/// same shape: what is wrong, then how to fix it (a suggestion, the usage, where to read more).
/// Each message exists in English and Vietnamese, chosen by the caller (`--lang`, `LANG`),
/// and starts with the one spelling of "error" the rest of the tool uses: `error:` / `lỗi:`.
extension CommandLineParser {
    /// A complete message for stderr, starting with `error: ` (`lỗi: `), possibly several
    /// lines, without a trailing newline. Exit with `CommandLineParser.usageExitCode` after printing it.
    public func message(for error: ParseError, vietnamese: Bool = false) -> String {
        let name = tool.name
        func t(_ en: String, _ vi: String) -> String { vietnamese ? vi : en }
        func seeHelp(_ command: String?) -> String {
            if let command, command != name, self.command(named: command) != nil {
                return t("See '\(name) help \(command)'.", "Xem '\(name) help \(command)'.")
            }
            return t("See '\(name) help' for the list of subcommands.", "Xem '\(name) help' để biết danh sách lệnh.")
        }
        func label(_ command: String) -> String {
            command == name ? "'\(name)'" : "'\(name) \(command)'"
        }
        func didYouMean(_ s: String) -> String { t(" Did you mean '\(s)'?", " Có phải ý là '\(s)'?") }
        let error_ = t("error: ", "lỗi: ")

        switch error {
        case .unknownCommand(let typed, let suggestion):
            var text = error_ + t("unknown subcommand '\(typed)'.", "không có lệnh '\(typed)'.")
            if let suggestion { text += didYouMean(suggestion) }
            return text + "\n" + seeHelp(nil)

        case .unknownOption(let typed, let command, let suggestion):
            var text = error_ + t("unknown option '\(typed)' for \(label(command)).", "\(label(command)) không có tùy chọn '\(typed)'.")
            if let suggestion { text += didYouMean(suggestion) }
            if command == name, suggestion == nil {
                text += "\n" + t("Options of a subcommand go after its name, e.g. '\(name) <subcommand> \(typed) ...'.",
                                 "Tùy chọn của một lệnh ghi sau tên lệnh, ví dụ '\(name) <lệnh> \(typed) ...'.")
            }
            return text + "\n" + seeHelp(command)

        case .missingValue(let option, let command):
            let placeholder = valuePlaceholder(for: option, command: command)
            var text = error_ + t("missing value for '\(option)'. Usage: \(option) \(placeholder)",
                                  "thiếu giá trị cho '\(option)'. Cách ghi: \(option) \(placeholder)")
            text += "\n" + t("If the value starts with '-', write it as '\(option)=VALUE'.",
                             "Nếu giá trị bắt đầu bằng '-', ghi là '\(option)=GIÁ_TRỊ'.")
            return text + "\n" + seeHelp(command)

        case .invalidChoice(let option, let value, let choices):
            var text = error_ + t("the value '\(value)' is invalid for '\(option)'.", "giá trị '\(value)' không hợp lệ cho '\(option)'.")
            if let suggestion = EditDistance.closest(to: value, among: choices) { text += didYouMean(suggestion) }
            return text + "\n" + t("Choose one of: ", "Chọn một trong: ") + choices.joined(separator: ", ") + "."

        case .missingArgument(let argument, let command):
            return error_ + t("missing expected argument '<\(argument.lowercased())>' for \(label(command)).",
                              "\(label(command)) thiếu đối số '<\(argument.lowercased())>'.") + "\n"
                + t("Usage: ", "Cách dùng: ") + usage(for: command) + "\n" + seeHelp(command)

        case .unexpectedArgument(let value, let command):
            var text = error_ + t("unexpected argument '\(value)' for \(label(command)).", "\(label(command)) không nhận đối số '\(value)'.") + "\n"
            text += t("Usage: ", "Cách dùng: ") + usage(for: command)
            if value.hasPrefix("-") {
                text += "\n" + t("If '\(value)' is meant as an option, check its spelling; as a value, put it after '--'.",
                                 "Nếu '\(value)' là một tùy chọn, kiểm tra chính tả; nếu là giá trị, đặt sau '--'.")
            }
            return text + "\n" + seeHelp(command)

        case .flagGivenValue(let option):
            return error_ + t("'\(option)' is a flag and does not take a value; write just '\(option)'.",
                              "'\(option)' là cờ, không nhận giá trị; chỉ ghi '\(option)'.")

        case .noCommand:
            return error_ + t("missing subcommand.", "thiếu tên lệnh.") + "\n"
                + t("Usage: ", "Cách dùng: ") + "\(name) <subcommand> [<options>]\n" + seeHelp(nil)
        }
    }

    private func valuePlaceholder(for option: String, command: String) -> String {
        let key = ParsedCommand.key(option)
        let declared = (self.command(named: command)?.options ?? []) + tool.globalOptions
        let spec = option.hasPrefix("--")
            ? declared.first { $0.name == key }
            : declared.first { $0.short.map(String.init) == key }
        if let choices = spec?.choices { return "<\(choices.joined(separator: "|"))>" }
        return "<\((spec?.valueName ?? "value").lowercased())>"
    }
}
