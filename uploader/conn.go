package uploader

// Conn is where and as whom every call to a server goes: the endpoint of one connection,
// the credentials it accepts and, for Scene7, the company they act for. Uploads
// (Request), the SOAP calls (API), Test connection, the session and the window all pass
// this one value, so that a new field reaches all of them at once.
type Conn struct {
	Endpoint    Endpoint    `json:"endpoint"`
	Credentials Credentials `json:"credentials"`
	// Company is the Scene7 company handle, e.g. "c|2101"; Dr.Sum has none.
	Company string `json:"company,omitempty"`
	// Network is the connection's own proxy and CA file (network.go); zero: the client's.
	Network Network `json:"network,omitzero"`
}
