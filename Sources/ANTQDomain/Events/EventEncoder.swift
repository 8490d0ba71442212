import Hashing
import JSONCodec
import TextFormats

/// Writes events in the canonical line form: compact JSON, envelope keys in
/// the documented order (`seq, id, type, occurred, recorded, unit, by, data,
/// prev`, then `more` when set), strings in NFC. The same bytes are hashed
/// by the chain, so this form is part of the format.
public enum EventEncoder {
    public static func encode(_ e: Event) -> [UInt8] {
        var w = JSONWriter(reserving: 384)
        w.beginObject()
        w.key("seq"); w.int(Int64(e.seq))
        w.key("id"); w.string(e.id)
        w.key("type"); w.string(e.type.rawValue)
        w.key("occurred"); w.string(e.occurred.iso)
        w.key("recorded"); w.string(e.recorded.rfc3339)
        if let unit = e.unit { w.key("unit"); w.string(unit) }
        w.key("by"); w.string(e.by)
        w.key("data"); writeData(e.data, &w)
        w.key("prev"); w.string(e.prev.hex)
        if e.more { w.key("more"); w.bool(true) }
        w.endObject()
        return w.bytes
    }

    /// The data object alone, as stored.
    public static func encodeData(_ d: EventData) -> [UInt8] {
        var w = JSONWriter(reserving: 128)
        writeData(d, &w)
        return w.bytes
    }

    static func writeFact(_ f: Fact, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string(f.type.rawValue)
        w.key("occurred"); w.string(f.occurred.iso)
        if let unit = f.unit { w.key("unit"); w.string(unit) }
        w.key("data"); writeData(f.data, &w)
        w.endObject()
    }

    static func writeData(_ d: EventData, _ w: inout JSONWriter) {
        w.beginObject()
        switch d {
        case .logCreated(let c):
            w.key("log_id"); w.string(c.logID)
            w.key("format"); w.int(Int64(c.format))
            w.key("period_start"); w.string(c.periodStart.description)
            if let k = c.keyID { w.key("key_id"); w.string(k) }
        case .unitRegistered(let name, let kind, let parent):
            w.key("name"); w.string(name)
            w.key("kind"); w.string(kind.rawValue)
            w.key("parent"); if let parent { w.string(parent) } else { w.null() }
        case .unitChanged(let name, let kind, let parent):
            if let name { w.key("name"); w.string(name) }
            if let kind { w.key("kind"); w.string(kind.rawValue) }
            if let parent { w.key("parent"); if let p = parent { w.string(p) } else { w.null() } }
        case .unitMerged(let into):
            w.key("into"); w.string(into)
        case .tipReceived(let count, let channel, let valuable):
            w.key("count"); w.int(Int64(count))
            w.key("channel"); w.string(channel.rawValue)
            w.key("valuable"); w.bool(valuable)
        case .caseSolved(let count, let category, let ref):
            w.key("count"); w.int(Int64(count))
            w.key("category"); w.string(category.rawValue)
            if let ref { w.key("case"); w.string(ref) }
        case .arrestMade(let count, let ref, let caught):
            w.key("count"); w.int(Int64(count))
            if let ref { w.key("case"); w.string(ref) }
            if let caught { w.key("caught_in_act"); w.bool(caught) }
        case .weaponSeized(let kind, let quantity, let ref):
            w.key("kind"); w.string(kind.rawValue)
            w.key("quantity"); w.int(Int64(quantity))
            if let ref { w.key("case"); w.string(ref) }
        case .awardGranted(let a):
            w.key("recipient_kind"); w.string(a.recipientKind.rawValue)
            w.key("recipient"); w.string(a.recipient)
            w.key("issuer"); w.string(a.issuer.rawValue)
            w.key("form"); w.string(a.form.rawValue)
            w.key("count"); w.int(Int64(a.count))
            if let r = a.reason { w.key("reason"); w.string(r) }
        case .modelEstablished(let model, let kind, let name, let members):
            w.key("model"); w.string(model)
            w.key("kind"); w.string(kind.rawValue)
            w.key("name"); w.string(name)
            w.key("members"); w.int(Int64(members))
        case .modelChanged(let model, let kind, let name, let members):
            w.key("model"); w.string(model)
            if let kind { w.key("kind"); w.string(kind.rawValue) }
            if let name { w.key("name"); w.string(name) }
            if let members { w.key("members"); w.int(Int64(members)) }
        case .modelDissolved(let model, let reason):
            w.key("model"); w.string(model)
            if let reason { w.key("reason"); w.string(reason) }
        case .cameraInstalled(let count), .cameraRemoved(let count):
            w.key("count"); w.int(Int64(count))
        case .corrected(let c):
            w.key("target"); w.int(Int64(c.target))
            w.key("reason"); w.string(c.reason)
            w.key("occurred"); w.string(c.replacement.occurred.iso)
            if let u = c.replacement.unit { w.key("unit"); w.string(u) }
            w.key("data"); writeData(c.replacement.data, &w)
            if let was = c.was { w.key("was"); writeFact(was, &w) }
        case .retracted(let r):
            w.key("target"); w.int(Int64(r.target))
            w.key("reason"); w.string(r.reason)
            if let was = r.was { w.key("was"); writeFact(was, &w) }
        case .figureAsserted(let metric, let year, let value, let note):
            w.key("metric"); w.string(metric)
            w.key("year"); w.int(Int64(year))
            w.key("value"); w.int(Int64(value))
            if let note { w.key("note"); w.string(note) }
        }
        w.endObject()
    }
}
