package domain

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// The dummy hash must cost what a real one costs, or a login for an
// unknown email answers faster and tells that the email is unknown.
func TestDummyHashCostsWhatARealHashCosts(t *testing.T) {
	cost, err := bcrypt.Cost([]byte(dummyHash))
	if err != nil {
		t.Fatalf("dummyHash is not a bcrypt hash: %v", err)
	}
	if cost != bcrypt.DefaultCost {
		t.Errorf("dummyHash cost %d, want bcrypt.DefaultCost (%d), the cost of stored hashes", cost, bcrypt.DefaultCost)
	}
}
