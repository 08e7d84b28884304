package models

// AuditPortalLimit is the upload size some certifying bodies' portals accept; pages
// warn when an audit pack is larger.
const AuditPortalLimit = 5 << 20

// Rough size of a transcript PDF: a fixed part plus one line per activity.
const (
	transcriptBaseBytes     = 4096
	transcriptPerEntryBytes = 300
)

// AuditPackSize is the estimated size of one cycle's audit pack.
type AuditPackSize struct {
	Bytes    int64
	TooLarge bool // over AuditPortalLimit
}

// EstimateAuditPacks estimates the audit pack of each current cycle, keyed by CycleKey,
// from the holder's evidence listing (files without content): the evidence bytes of the
// cycle's entries plus the transcript.
func EstimateAuditPacks(h Holder, evidence []EvidenceFile) map[string]AuditPackSize {
	bytesByEntry := map[int64]int64{}
	for _, f := range evidence {
		bytesByEntry[f.EntryID] += f.SizeBytes
	}
	sizes := map[string]AuditPackSize{}
	for _, p := range h.CurrentCycles() {
		entries := h.EntriesIn(p)
		total := int64(transcriptBaseBytes + transcriptPerEntryBytes*len(entries))
		for _, e := range entries {
			total += bytesByEntry[e.ID]
		}
		sizes[CycleKey(p)] = AuditPackSize{Bytes: total, TooLarge: total > AuditPortalLimit}
	}
	return sizes
}
