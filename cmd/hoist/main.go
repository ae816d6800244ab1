// Command hoist is the command-line twin of the Hoist window: it uploads files and folders
// to Adobe Scene7 / Dynamic Media Classic or to a Dr.Sum Cloud Hub server, checks
// credentials, lists jobs and job logs, and runs the Local sandbox. It is pure Go (no cgo,
// no Fyne) so that it builds for any platform with CGO_ENABLED=0.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
