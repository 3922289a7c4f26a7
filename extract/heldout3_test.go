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

	// --- 2. a clause's event belongs to its own figure --------------------
	{"k2 en: , where N of them", "en",
		"Last year North Korea deployed more than 10,000 troops to Russia's Kursk region, where about 4,000 of them were killed or wounded, according to Western officials.",
		[]string{"people/soldiers/sent 10000..-", "people/soldiers/wounded|killed 4000..4000"}},
	{"k2 en: , with N of them", "en",
		"North Korea sent some 11,000 soldiers to Russia, with about 1,000 of them killed in the first months.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/killed 1000..1000"}},
	{"k2 en: ; N of them", "en",
		"Pyongyang dispatched about 12,000 troops to the front; 3,000 of them have been wounded.",
		[]string{"people/soldiers/sent 12000..12000", "people/soldiers/wounded 3000..3000"}},
	{"k2 en: and N of them were killed", "en",
		"North Korea deployed 11,000 soldiers to Kursk and 600 of them were killed.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/killed 600..600"}},
	{"k2 en: , where some N were captured", "en",
		"About 14,000 North Korean troops were sent to Kursk, where two of them were captured by Ukraine.",
		[]string{"people/soldiers/sent 14000..14000", "people/soldiers/captured 2..2"}},
	{"k2 en: , and N of them have returned", "en",
		"About 15,000 North Korean workers arrived in Russia last year, and 2,000 of them have since returned home.",
		[]string{"people/workers/sent|entered|present 15000..15000", "people/workers/withdrawn 2000..2000"}},
	{"k2 en: , of whom kept", "en",
		"North Korea sent 11,000 troops to Russia, of whom 4,000 were killed or wounded.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/wounded|killed 4000..4000"}},

	{"k2 en: , where N were killed (no partitive)", "en",
		"North Korea sent about 11,000 soldiers to the Kursk region, where some 1,000 were killed within weeks.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/killed 1000..1000"}},
	{"k2 en: and N engineers share the verb", "en",
		"North Korea sent 11,000 soldiers and 1,000 engineers to Russia.",
		[]string{"people/soldiers/sent 11000..11000", "people/engineers/sent 1000..1000"}},
	{"k2 en: , where they were trained keeps sent", "en",
		"North Korea moved about 10,000 soldiers into eastern Russia, where they were trained.",
		[]string{"people/soldiers/sent 10000..10000"}},

}

func TestHeldout3(t *testing.T) { runHeldout(t, "held-out 3", heldout3Cases) }
