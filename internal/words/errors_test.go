package words

import (
	"errors"
	"fmt"
	"testing"

	"hoist/uploader"
)

func TestErrorSentences(t *testing.T) {
	defer Use(Current())
	wrong := fmt.Errorf("check login: %w", &uploader.Fault{Kind: uploader.AuthenticationFault, Code: uploader.CodeInvalidCredentials})
	refused := &uploader.Fault{Kind: uploader.IpsApiFault, Code: uploader.CodeIllegalParameterValue, Reason: "destFolder"}
	insecure := uploader.CheckURL("http://s7.example.com/scene7/UploadFile", false)
	other := errors.New("disk on fire")
	cases := []struct {
		lang string
		err  error
		want string
	}{
		{"en", wrong, "The user name or password was not accepted. Check them in the connection settings; passwords are case-sensitive."},
		{"fr", wrong, "Le nom d’utilisateur ou le mot de passe a été refusé. Vérifiez-les dans les réglages de la connexion\u00a0; les majuscules et minuscules comptent dans le mot de passe."},
		{"ja", refused, "サーバーが値を受け付けませんでした（destFolder）。アップロード先フォルダー、ファイル名、アップロードオプションを確認してください。"},
		{"fr", insecure, "Hoist n’envoie un mot de passe en http:// simple qu’à cet ordinateur (127.0.0.1, ::1, localhost). Utilisez l’adresse https:// du serveur."},
		{"fr", other, "disk on fire"},
	}
	for _, c := range cases {
		Use(c.lang)
		if got := Error(c.err); got != c.want {
			t.Errorf("%s Error(%v) = %q, want %q", c.lang, c.err, got, c.want)
		}
	}
	if !Knows(wrong) || Knows(other) || Knows(nil) {
		t.Error("Knows does not tell the translated errors apart")
	}
}
