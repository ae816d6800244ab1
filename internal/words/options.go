package words

// The upload options' words (assets/messages/options.LANG.json): uploader.Fields holds
// each option's structure (path, group, kind, allowed values, range) and these hold what
// people read about it, keyed by the option's path, so that the window and the command
// line name an option the same way in every language.

// OptionLabel is the name of the upload option at path (an uploader.Fields path, such as
// "manualCropOptions.left").
func OptionLabel(path string) string { return T("option."+path+".label", nil) }

// OptionHelp is what the upload option at path does, in a sentence or two.
func OptionHelp(path string) string { return T("option."+path+".help", nil) }

// OptionGroup is the title of a group of upload options (an uploader.Groups id).
func OptionGroup(id string) string { return T("option.group."+id, nil) }

// OptionUnverified is the caution shown with the options Adobe does not document.
func OptionUnverified() string { return T("option.unverified", nil) }

// OptionChoice is what people read for value, one of the allowed values of the option at
// path: the option's own label for it ("option.choice.PATH.VALUE"), else the label shared
// by every option that offers it ("option.value.VALUE"), else the value as it is sent, so
// that a value added to uploader.Fields is never hidden.
func OptionChoice(path, value string) string {
	if s, ok := lookup("option.choice." + path + "." + value); ok {
		return s
	}
	if s, ok := lookup("option.value." + value); ok {
		return s
	}
	return value
}

// lookup is the message id in the current language, and whether there is one.
func lookup(id string) (string, bool) {
	s := T(id, nil)
	return s, s != id
}
