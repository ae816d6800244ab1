package uploader

import (
	"errors"
	"testing"
)

func TestScene7Endpoints(t *testing.T) {
	tests := []struct {
		region  Region
		staging bool
		upload  string
		api     string
	}{
		{RegionNA, false, "https://s7sps1ssl.scene7.com/scene7/UploadFile", "https://s7sps1apissl.scene7.com/scene7/services/IpsApiService"},
		{RegionEMEA, true, "https://s7sps3ssl-staging.scene7.com/scene7/UploadFile", "https://s7sps3apissl-staging.scene7.com/scene7/services/IpsApiService"},
		{RegionAPAC, false, "https://s7sps5ssl.scene7.com/scene7/UploadFile", "https://s7sps5apissl.scene7.com/scene7/services/IpsApiService"},
	}
	for _, tt := range tests {
		ep, err := Scene7Endpoint(tt.region, tt.staging)
		if err != nil || ep.UploadURL != tt.upload || ep.APIURL != tt.api {
			t.Errorf("%s staging=%v: %+v %v", tt.region, tt.staging, ep, err)
		}
	}
	if _, err := ParseRegion("mars"); err == nil {
		t.Error("unknown region accepted")
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		url      string
		insecure bool
		ok       bool
	}{
		{"https://s7sps1ssl.scene7.com/scene7/UploadFile", false, true},
		{"http://127.0.0.1:8080/scene7/UploadFile", false, true},
		{"http://[::1]:8080/x", false, true},
		{"http://localhost:1/x", false, true},
		{"http://example.com/scene7/UploadFile", false, false},
		{"http://10.0.0.5:6580/api/v1.0/file/upload", true, true},
		{"ftp://example.com/x", false, false},
		{"not a url", false, false},
	}
	for _, tt := range tests {
		err := CheckURL(tt.url, tt.insecure)
		if (err == nil) != tt.ok {
			t.Errorf("%s insecure=%v: %v", tt.url, tt.insecure, err)
		}
		if tt.url == "http://example.com/scene7/UploadFile" && !errors.Is(err, ErrInsecureURL) {
			t.Errorf("want ErrInsecureURL, got %v", err)
		}
	}
}

func TestCustomEndpointDerivesAPIURL(t *testing.T) {
	ep, err := CustomEndpoint(Scene7, "http://127.0.0.1:4321/scene7/UploadFile", "", false)
	if err != nil || ep.APIURL != "http://127.0.0.1:4321/scene7/services/IpsApiService" {
		t.Fatalf("%+v %v", ep, err)
	}
	if _, err := CustomEndpoint(Scene7, "http://example.com/scene7/UploadFile", "", true); err == nil {
		t.Error("allow-insecure-http is for Dr.Sum only")
	}
	if ep, err := CustomEndpoint(DrSum, "http://intranet:6580/api/v1.0/file/upload", "", true); err != nil || ep.APIURL != "" {
		t.Errorf("Dr.Sum plain http when asked: %+v %v", ep, err)
	}
}
