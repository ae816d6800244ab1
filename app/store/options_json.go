package store

import (
	"encoding/json"

	"hoist/uploader"
)

// optionsJSON is how upload options are kept in files: uploader.Options' own JSON, plus the
// name Hoist used for the knockout block before it followed the WSDL. Files written then say
// "knockoutBackground"; the service only knows knockoutBackgroundOptions (docs/protocol.md,
// "UploadPostJob"). The old key is read, never written (omitempty on a field left nil), so a
// file is upgraded the next time it is saved and a preset keeps loading under strict decoding.
type optionsJSON struct {
	*uploader.Options
	OldKnockout *uploader.Knockout `json:"knockoutBackground,omitempty"`
}

// settle moves an old-named knockout block to its place; the new name wins if both are there.
func (o *optionsJSON) settle() {
	if o.OldKnockout != nil && o.Options.KnockoutBackground == nil {
		o.Options.KnockoutBackground = o.OldKnockout
	}
	o.OldKnockout = nil
}

// upgradeOptions reads the old knockout name of a document whose "options" were already
// decoded into opts by a decoder that ignores unknown keys.
func upgradeOptions(data []byte, opts *uploader.Options) {
	var doc struct {
		Options struct {
			OldKnockout *uploader.Knockout `json:"knockoutBackground"`
		} `json:"options"`
	}
	if json.Unmarshal(data, &doc) == nil {
		o := optionsJSON{Options: opts, OldKnockout: doc.Options.OldKnockout}
		o.settle()
	}
}
