//go:build !windows

package main

import "os"

// enableVirtualTerminal: Unix terminals understand the escape sequences the bar uses.
func enableVirtualTerminal(*os.File) bool { return true }
