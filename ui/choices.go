package ui

import "hoist/uploader"

// Choice labels: what a dropdown of the upload options shows for each value that is sent.
// The values themselves (uploader.Fields' Choices) are Adobe's names and are what goes in
// the request; people read these labels, and each field's help names the value sent.
// A value without a label here is shown as it is, so a value added to the table is never
// hidden.

// choiceLabels are labels that depend on the field (path → value → label).
var choiceLabels = map[string]map[string]string{
	"emailSetting": {
		string(uploader.EmailNone):            "E-mail me: never",
		string(uploader.EmailJobCompletion):   "E-mail me: when the job is finished",
		string(uploader.EmailError):           "E-mail me: only errors",
		string(uploader.EmailErrorAndWarning): "E-mail me: only errors and warnings",
		string(uploader.EmailAll):             "E-mail me: everything",
	},
	"photoshopOptions.process": {
		"None":           "Flatten into one image",
		"MaintainLayers": "Keep layers: one asset per layer",
	},
	"photoshopOptions.layerOptions.layerNaming": {
		"LayerName":    "Use the layer's name",
		"AppendNumber": "File name plus a number",
		"AppendName":   "File name plus the layer's name",
		"Folders":      "A folder per file, layers inside",
	},
	"pdfOptions.process": {
		"None":      "Keep as PDF",
		"Rasterize": "Turn each page into an image",
		"Thumbnail": "Make a thumbnail only",
	},
	"unCompressOptions.process": {
		"None":       "Keep the archive as it is",
		"UnCompress": "Unpack the archive",
	},
	"colorManagementOptions.colorManagement": {
		"Default":          "Scene7's default",
		"MaintainOriginal": "Keep the original colours",
		"Convert":          "Convert to the output profile",
	},
	"knockoutBackgroundOptions.fillMethod": {
		"FloodFill":  "Flood fill from the corner",
		"MatchPixel": "Every pixel of that colour",
	},
}

// valueLabels are labels shared by every field that offers the value.
var valueLabels = map[string]string{
	"None": "None", "Rasterize": "Turn into an image",
	"UpperLeft": "Top left", "UpperRight": "Top right", "BottomLeft": "Bottom left", "BottomRight": "Bottom right",
	"Auto": "Automatic", "Rgb": "RGB", "Cmyk": "CMYK", "Gray": "Greyscale",
	"Center": "Centre", "North": "Top", "Northwest": "Top left", "West": "Left", "Southwest": "Bottom left",
	"South": "Bottom", "Southeast": "Bottom right", "East": "Right", "Northeast": "Top right",
}

// ChoiceLabel is what the dropdown of the option at path shows for value.
func ChoiceLabel(path, value string) string {
	if l, ok := choiceLabels[path][value]; ok {
		return l
	}
	if l, ok := valueLabels[value]; ok {
		return l
	}
	return value
}

// choiceValue is the value behind a label of field f, and whether there is one.
func choiceValue(f uploader.Field, label string) (string, bool) {
	for _, v := range f.Choices {
		if ChoiceLabel(f.Path, v) == label {
			return v, true
		}
	}
	return "", false
}
