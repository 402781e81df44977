import Foundation
import PaddockCore
import PaddockStore

/// mail-out in `paddock bench`: up to 10,000 members with an address and a
/// daily digest due, one run, every message rendered and handed to a sink
/// that counts its bytes (what sendmail would read), on the writes' copy.
extension BenchRunner {
    static let mailMembers = 10_000

    func mailOutMeasurements(community: Community) throws -> [Measurement] {
        let due = try community.prepareMailForBench(members: Self.mailMembers)
        var messages = 0, bytes = 0
        var report = MailOutReport()
        let ms = try Self.milliseconds {
            report = try community.sendDueMail(limit: 1_000_000) { mail in
                messages += 1
                bytes += mail.message.count
                return .sent
            }
        }
        return [Measurement("mailOut", "mail-out, \(due) members with digests due: \(report.sent) messages, "
                            + "\(bytes / 1024) KiB rendered to a sink", [ms])]
    }
}
