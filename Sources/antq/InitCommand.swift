import ANTQReports
import ANTQStore
import ANTQDomain

/// `antq init DIR`
enum InitCommand {
    static func run(_ c: Context) throws -> Int32 {
        let dir = c.parsed.arguments.first ?? c.dataDirectory
        let key: KeyFile?
        if c.parsed.flag("keyed") {
            guard c.keyFilePath != nil else {
                throw CLIError.usage(c.lang.t("--keyed needs --key-file PATH (create it with: head -c 32 /dev/urandom > PATH; chmod 600 PATH)",
                                              "--keyed cần --key-file ĐƯỜNG_DẪN (tạo bằng: head -c 32 /dev/urandom > ĐƯỜNG_DẪN; chmod 600 ĐƯỜNG_DẪN)"))
            }
            key = try c.keyFile()
            if let k = key, k.isInside(dir) {
                throw CLIError.usage(c.lang.t("the key file must be kept outside the data directory", "tệp khóa phải để ngoài thư mục dữ liệu"))
            }
        } else {
            // A key given without --keyed is never silently dropped: the user
            // asked for a key, so say what to do rather than make an unkeyed log.
            if let path = c.keyFilePath {
                let source = c.parsed.value("key-file") != nil ? "--key-file \(path)" : "ANTQ_KEY_FILE=\(path)"
                throw CLIError.usage(c.lang.t("\(source) is given but --keyed is not: nothing was created. Add --keyed to make a keyed log "
                                              + "(every prev an HMAC with that key), or leave out the key (unset ANTQ_KEY_FILE) for a plain SHA-256 log",
                                              "có \(source) nhưng không có --keyed: chưa tạo gì. Thêm --keyed để tạo sổ có khóa "
                                              + "(mỗi prev là HMAC với khóa đó), hoặc bỏ khóa (unset ANTQ_KEY_FILE) để tạo sổ SHA-256 thường"))
            }
            key = nil
        }
        let (_, fp) = try DataStore.initialise(dir, by: c.recorder, periodStart: try c.periodStart() ?? .january1, key: key)
        Terminal.out(Receipts.initialised(dir, keyID: key?.id, c.lang) + "\n" + Receipts.fingerprint(fp, c.lang) + "\n")
        return 0
    }
}
