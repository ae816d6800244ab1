// Hoist uploads campaign assets to Adobe Scene7 / Dynamic Media Classic and to Dr.Sum
// Cloud Hub. This is the window; the command line is cmd/hoist.
package main

import "hoist/app"

func main() { app.Main() }
