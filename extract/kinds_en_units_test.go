package extract_test

import "testing"

// "N members of the X regiment": the members of a named unit are its
// soldiers, or engineers when the unit's name says so.
func TestKindEnglishMembersOfUnit(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Pyongyang said seven members of the engineering regiment were killed while clearing mines near Kursk.",
			[]string{"people engineers killed 7..7 exact"}},
		{"en", "North Korean state media said 14 members of the sapper battalion were wounded in Kursk.",
			[]string{"people engineers wounded 14..14 exact"}},
		{"en", "Pyongyang said twelve members of the special operations battalion died in Kursk.",
			[]string{"people soldiers killed 12..12 exact"}},
		// A list between "the" and the unit that runs past punctuation is
		// no unit's name.
		{"en", "Pyongyang said twelve members of the party, the army and the regiment met in Kursk.",
			nil},
	})
}
