package main

import (
	"flag"
	"regexp"
	"time"

	"hoist/internal/words"
)

// flagError is the sentence for an error of fs.Parse. The flag package reports a wrong
// flag in English, in one of a few fixed forms; they are read back here so that people get
// the sentence in their language, with what to write. The forms are compiled here, once
// per wrong command line, rather than at every start of the command.
func flagError(fs *flag.FlagSet, err error) string {
	var (
		flagUnknown  = regexp.MustCompile(`^flag provided but not defined: -(.+)$`)
		flagNoValue  = regexp.MustCompile(`^flag needs an argument: -(.+)$`)
		flagBadValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-([^:]+): `)
		flagBadBool  = regexp.MustCompile(`^invalid boolean flag ([^:]+): `)
		flagSyntax   = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	)
	msg := err.Error()
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		return words.T("cli.flag_error.unknown", words.A{"Flag": "--" + m[1]})
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return words.T("cli.flag_error.no_value", words.A{"Flag": "--" + m[1]})
	}
	if m := flagBadBool.FindStringSubmatch(msg); m != nil {
		return words.T("cli.flag_error.bool", words.A{"Flag": "--" + m[1]})
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return words.T("cli.flag_error.syntax", words.A{"Arg": m[1]})
	}
	m := flagBadValue.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	a := words.A{"Flag": "--" + m[2], "Value": m[1]}
	var value any
	if f := fs.Lookup(m[2]); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			value = g.Get()
		}
	}
	switch value.(type) {
	case bool:
		return words.T("cli.flag_error.bool", a)
	case time.Duration:
		return words.T("cli.flag_error.duration", a)
	case int, int64, uint, uint64:
		return words.T("cli.flag_error.number", a)
	}
	return words.T("cli.flag_error.value", a)
}
