package words

import "sync/atomic"

// Some sentences end with advice that names a control of the window ("turn on Overwrite",
// "check them in the connection settings", "add it again" to the queue). The command line has flags instead, so those
// sentences have a command-line variant (cli.variant.ID in the cli message files) that
// names the flag. The engine knows nothing of this: the command line chooses its variants
// once, for its whole process, with CommandLine, and every sentence it shows (Error, Skip,
// NameWarning…) reads them from then on; the window never does.

// commandLine is set by CommandLine.
var commandLine atomic.Bool

// CommandLine makes the sentences that name a window control use their command-line
// variant, naming the flag or the command instead (on), or not (off).
func CommandLine(on bool) { commandLine.Store(on) }

// commandLineVariants are the sentences with a command-line variant, by ID.
var commandLineVariants = map[string]string{
	"engine.skip.link_outside":           "cli.variant.engine.skip.link_outside",
	"engine.warn.same_asset":             "cli.variant.engine.warn.same_asset",
	"err.drsum.file_already_exists":      "cli.variant.err.drsum.file_already_exists",
	"err.drsum.exists_despite_overwrite": "cli.variant.err.drsum.exists_despite_overwrite",
	"err.drsum.after_lost_answer":        "cli.variant.err.drsum.after_lost_answer",
	"err.drsum.unauthorized":             "cli.variant.err.drsum.unauthorized",
	"err.fault.no_credentials":           "cli.variant.err.fault.no_credentials",
	"err.fault.invalid_credentials":      "cli.variant.err.fault.invalid_credentials",
	"err.fault.invalid_company":          "cli.variant.err.fault.invalid_company",
	"err.reply.the_address":              "cli.variant.err.reply.the_address",
	"err.conn.certificate.host":          "cli.variant.err.conn.certificate.host",
	"err.file.changed":                   "cli.variant.err.file.changed",
	"err.file.changed_while_sent":        "cli.variant.err.file.changed_while_sent",
	"err.name.control":                   "cli.variant.err.name.control",
	"err.name.control_folder":            "cli.variant.err.name.control_folder",
}

// variant is the ID to say for id: its command-line variant when CommandLine is on.
func variant(id string) string {
	if commandLine.Load() {
		if v, ok := commandLineVariants[id]; ok {
			return v
		}
	}
	return id
}
