package app

// openedWith carries the files and folders macOS hands Hoist when someone chooses "Open
// with Hoist" in Finder or drops them on its Dock icon: macOS sends them as an Apple event
// to the running app, never on the command line, whether Hoist was running or is being
// started for them (openwith_darwin.go fills it). Elsewhere they come as arguments, and a
// running window gets them from the later launch (instance.go).
var openedWith inbox
