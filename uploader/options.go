package uploader

// The UploadPostJob processing options (docs/protocol.md §UploadPostJob and §UploadPostJob sub-types).
//
// The struct field order IS the schema order, and the tags ARE the schema's element names:
// encoding/xml marshals fields in declaration order and the IPS service parses with Axis2
// ADB beans generated from the 2014-04-03 IpsApi WSDL, which read a sequence in order and
// reject any element they do not expect (docs/protocol.md, "UploadPostJob"). Adobe's
// reference page names the knockout block "knockoutBackground"; the WSDL says
// knockoutBackgroundOptions, and the WSDL is what the service parses with. Optional blocks
// are pointers (nil = not sent). The JSON names equal the XML names, so a preset file reads
// like the request it produces (presets saved with the old name still load: app/store).

// EmailSetting chooses the e-mail notifications of a job.
type EmailSetting string

const (
	EmailAll             EmailSetting = "All"
	EmailError           EmailSetting = "Error"
	EmailErrorAndWarning EmailSetting = "ErrorAndWarning"
	EmailJobCompletion   EmailSetting = "JobCompletion"
	EmailNone            EmailSetting = "None"
)

// Options is the UploadPostJob: what IPS does with the files of one job.
type Options struct {
	Overwrite            bool         `xml:"overwrite" json:"overwrite"`
	ReadyForPublish      bool         `xml:"readyForPublish" json:"readyForPublish"`
	PreservePublishState bool         `xml:"preservePublishState" json:"preservePublishState"`
	CreateMask           bool         `xml:"createMask" json:"createMask"`
	PreserveCrop         *bool        `xml:"preserveCrop,omitempty" json:"preserveCrop,omitempty"`
	KnockoutBackground   *Knockout    `xml:"knockoutBackgroundOptions,omitempty" json:"knockoutBackgroundOptions,omitempty"`
	ManualCrop           *ManualCrop  `xml:"manualCropOptions,omitempty" json:"manualCropOptions,omitempty"`
	AutoColorCrop        *AutoCrop    `xml:"autoColorCropOptions,omitempty" json:"autoColorCropOptions,omitempty"`
	AutoTransparentCrop  *Tolerance   `xml:"autoTransparentCropOptions,omitempty" json:"autoTransparentCropOptions,omitempty"`
	Photoshop            *Photoshop   `xml:"photoshopOptions,omitempty" json:"photoshopOptions,omitempty"`
	PostScript           *PostScript  `xml:"postScriptOptions,omitempty" json:"postScriptOptions,omitempty"`
	PDF                  *PDF         `xml:"pdfOptions,omitempty" json:"pdfOptions,omitempty"`
	Illustrator          *Illustrator `xml:"illustratorOptions,omitempty" json:"illustratorOptions,omitempty"`
	ColorManagement      *ColorMgmt   `xml:"colorManagementOptions,omitempty" json:"colorManagementOptions,omitempty"`
	AutoSetCreation      *AutoSets    `xml:"autoSetCreationOptions,omitempty" json:"autoSetCreationOptions,omitempty"`
	ProjectHandles       *HandleArray `xml:"projectHandleArray,omitempty" json:"projectHandleArray,omitempty"`
	EmailSetting         EmailSetting `xml:"emailSetting" json:"emailSetting"`
	PostHTTPURL          string       `xml:"postHttpUrl,omitempty" json:"postHttpUrl,omitempty"`
	Media                *Media       `xml:"mediaOptions,omitempty" json:"mediaOptions,omitempty"`
	InDesign             *InDesign    `xml:"inDesignOptions,omitempty" json:"inDesignOptions,omitempty"`
	XMPKeywords          string       `xml:"xmpKeywords,omitempty" json:"xmpKeywords,omitempty"`
	UnsharpMask          *Unsharp     `xml:"unsharpMaskOptions,omitempty" json:"unsharpMaskOptions,omitempty"`
	UnCompress           *UnCompress  `xml:"unCompressOptions,omitempty" json:"unCompressOptions,omitempty"`
}

// ManualCrop is ManualCropOptions: pixels cut from each edge.
type ManualCrop struct {
	Left   int `xml:"left" json:"left"`
	Right  int `xml:"right" json:"right"`
	Top    int `xml:"top" json:"top"`
	Bottom int `xml:"bottom" json:"bottom"`
}

// AutoCrop is AutoColorCropOptions: trim the edge colour seen in a corner.
type AutoCrop struct {
	Corner    string  `xml:"corner" json:"corner"`
	Tolerance float64 `xml:"tolerance" json:"tolerance"`
}

// Tolerance is AutoTransparentCropOptions: trim transparent edges.
type Tolerance struct {
	Tolerance float64 `xml:"tolerance" json:"tolerance"`
}

// Photoshop is PhotoshopOptions.
type Photoshop struct {
	Process      string          `xml:"process,omitempty" json:"process,omitempty"`
	LayerOptions *PhotoshopLayer `xml:"layerOptions,omitempty" json:"layerOptions,omitempty"`
}

// PhotoshopLayer is PhotoshopLayerOptions, used when layers are kept.
type PhotoshopLayer struct {
	LayerNaming    string `xml:"layerNaming" json:"layerNaming"`
	Anchor         string `xml:"anchor" json:"anchor"`
	CreateTemplate bool   `xml:"createTemplate" json:"createTemplate"`
	ExtractText    bool   `xml:"extractText" json:"extractText"`
	ExtendLayers   bool   `xml:"extendLayers" json:"extendLayers"`
}

// PDF is PDFOptions.
type PDF struct {
	Process            string  `xml:"process,omitempty" json:"process,omitempty"`
	Resolution         float64 `xml:"resolution,omitempty" json:"resolution,omitempty"`
	Colorspace         string  `xml:"colorspace,omitempty" json:"colorspace,omitempty"`
	PDFCatalog         bool    `xml:"pdfCatalog" json:"pdfCatalog"`
	ExtractSearchWords bool    `xml:"extractSearchWords" json:"extractSearchWords"`
	ExtractLinks       bool    `xml:"extractLinks" json:"extractLinks"`
}

// PostScript is PostScriptOptions.
type PostScript struct {
	Process            string  `xml:"process,omitempty" json:"process,omitempty"`
	Resolution         float64 `xml:"resolution,omitempty" json:"resolution,omitempty"`
	Colorspace         string  `xml:"colorspace,omitempty" json:"colorspace,omitempty"`
	Alpha              bool    `xml:"alpha" json:"alpha"`
	ExtractSearchWords bool    `xml:"extractSearchWords" json:"extractSearchWords"`
}

// Illustrator is IllustratorOptions. Adobe's reference page calls the resolution a string
// and the colour space "colorSpace"; the WSDL-generated beans have an xsd:double and
// "colorspace", and the beans are what the service parses with.
type Illustrator struct {
	Process    string  `xml:"process,omitempty" json:"process,omitempty"`
	Resolution float64 `xml:"resolution,omitempty" json:"resolution,omitempty"`
	Colorspace string  `xml:"colorspace,omitempty" json:"colorspace,omitempty"`
	Alpha      bool    `xml:"alpha" json:"alpha"`
}

// InDesign is InDesignOptions. Adobe's published schema fragment has only `process`
// (a free string whose values are not documented).
type InDesign struct {
	Process string `xml:"process,omitempty" json:"process,omitempty"`
}

// ColorMgmt is ColorManagementOptions.
type ColorMgmt struct {
	ColorManagement     string `xml:"colorManagement" json:"colorManagement"`
	SourceProfileHandle string `xml:"sourceProfileHandle,omitempty" json:"sourceProfileHandle,omitempty"`
	OutputProfileHandle string `xml:"outputProfileHandle,omitempty" json:"outputProfileHandle,omitempty"`
}

// AutoSets is AutoSetCreationOptions: set-generation scripts to run on the files.
type AutoSets struct {
	AutoSetsArray HandleArray `xml:"autoSetsArray" json:"autoSetsArray"`
}

// Unsharp is UnsharpMaskOptions, used when the optimised pyramid TIF is built.
type Unsharp struct {
	Amount     float64 `xml:"amount" json:"amount"`
	Radius     float64 `xml:"radius" json:"radius"`
	Threshold  int     `xml:"threshold" json:"threshold"`
	Monochrome int     `xml:"monochrome" json:"monochrome"`
}

// Knockout is KnockoutBackgroundOptions.
type Knockout struct {
	Corner     string  `xml:"corner" json:"corner"`
	Tolerance  float64 `xml:"tolerance" json:"tolerance"`
	FillMethod string  `xml:"fillMethod" json:"fillMethod"`
}

// Media is MediaOptions.
type Media struct {
	VideoEncodingPresets *HandleArray `xml:"videoEncodingPresetsArray,omitempty" json:"videoEncodingPresetsArray,omitempty"`
	GenerateThumbnail    bool         `xml:"generateThumbnail" json:"generateThumbnail"`
	Thumbnail            *Thumbnail   `xml:"thumbnailOptions,omitempty" json:"thumbnailOptions,omitempty"`
}

// Thumbnail is ThumbnailOptions: the video frame used as the thumbnail.
type Thumbnail struct {
	ThumbnailTime int64 `xml:"thumbnailTime" json:"thumbnailTime"` // milliseconds from the start
}

// UnCompress is UnCompressOptions: whether ZIP/TAR archives are extracted.
type UnCompress struct {
	Process string `xml:"process" json:"process"`
}

// HandleArray is a list of IPS handles, each sent as an <items> element.
type HandleArray struct {
	Items []string `xml:"items" json:"items"`
}

// DefaultOptions are what a new preset starts with: replace files of the same name, make
// them ready to publish, keep publish state and crops, no mask, no e-mail.
func DefaultOptions() Options {
	return Options{
		Overwrite:            true,
		ReadyForPublish:      true,
		PreservePublishState: true,
		EmailSetting:         EmailNone,
	}
}

// Bool returns a pointer to b, for the optional booleans such as PreserveCrop.
func Bool(b bool) *bool { return &b }
