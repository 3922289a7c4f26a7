package extract_test

import "testing"

// heldout3Cases are a third held-out set, for four kinds of error the
// lead's own articles still showed; several wordings per kind, claims and
// non-claims, so that a fix is general rather than one sentence.
var heldout3Cases = []heldoutCase{
	// --- 1. aspectual verbs: arrivals going on are sent, not planned ------
	{"k1 en: continue to arrive", "en",
		"Thousands of North Korean labourers continue to arrive in Russia each year.",
		[]string{"people/workers/sent 1000..-"}},
	{"k1 en: keep arriving", "en",
		"About 2,000 North Korean workers keep arriving in Vladivostok every month.",
		[]string{"people/workers/sent 2000..2000"}},
	{"k1 en: are still arriving", "en",
		"Hundreds of North Korean construction workers are still arriving in the Russian Far East.",
		[]string{"people/workers/sent 100..-"}},
	{"k1 en: continue to be sent", "en",
		"Some 5,000 North Korean workers continue to be sent to Russia despite sanctions.",
		[]string{"people/workers/sent 5000..5000"}},
	{"k1 en: began to arrive", "en",
		"More than 1,000 North Korean soldiers began to arrive in Kursk in October.",
		[]string{"people/soldiers/sent 1000..-"}},
	{"k1 en: started to deploy", "en",
		"North Korea started to deploy about 3,000 troops to Russia last autumn.",
		[]string{"people/soldiers/sent 3000..3000"}},
	{"k1 en: plan to send stays planned", "en",
		"North Korea plans to send 5,000 more workers to Russia next year.",
		[]string{"people/workers/planned 5000..5000"}},
	{"k1 en: expected to arrive stays planned", "en",
		"About 1,500 North Korean workers are expected to arrive in Russia by June.",
		[]string{"people/workers/planned 1500..1500"}},
	{"k1 en: due to arrive stays planned", "en",
		"A further 2,000 North Korean workers are due to arrive in Khabarovsk this summer.",
		[]string{"people/workers/planned 2000..2000"}},
	{"k1 en: will continue to send is planned", "en",
		"Pyongyang will continue to send about 10,000 workers to Russia every year.",
		[]string{"people/workers/planned 10000..10000"}},

}

func TestHeldout3(t *testing.T) { runHeldout(t, "held-out 3", heldout3Cases) }
