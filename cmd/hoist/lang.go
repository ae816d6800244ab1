package main

import "strings"

// langFlag takes --lang out of args, wherever it is before "--" (hoist --lang fr upload …,
// hoist upload … --lang=ja): it is the one flag every command shares, and it must be
// known before anything is written, including a command's help or a usage error. ok is
// false when --lang ends the arguments without a value.
func langFlag(args []string) (lang string, rest []string, ok bool) {
	rest = make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return "", rest, false
			}
			i++
			value = args[i]
		}
		lang = value
	}
	return lang, rest, true
}
