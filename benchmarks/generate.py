"""Synthetic news corpus with known syndication ground truth.

``python benchmarks/generate.py --docs N --seed S --out DIR`` writes
``DIR/docs.jsonl`` (the JSONL input format of ``docs/report.md``) and
``DIR/truth.json`` (schema ``syndetect/truth/1``); :func:`generate` returns the
same records and truth in memory, and :func:`iter_corpus` streams them. Pure
Python, deterministic by seed (same seed and options give byte-identical
files; every topic has its own random generator, seeded by the seed and the
topic number), written line by line. 100,000 articles (~400 MB) take about
40 s of CPU time.

What the corpus holds
=====================

Articles come in **topics**: one news event (a country, its cities, three or
four named people, a company or region, key numbers and a key phrase) in one of
ten domains (conflict, economy, election, disaster, business, courts, health,
energy, labour, technology). Text comes from a combinatorial sentence grammar
(frames × domain phrases with inline alternatives ``<a|b>`` and interchangeable
words × entities × numbers × quotes), so two articles written independently
share names and vocabulary but not sentences. They do share stock phrases, as
news does ("did not respond to a request for comment", "spoke on condition of
anonymity"), names with titles ("Foreign Minister Anna Kovalenko said on
Monday"), and, more than real news would, formulaic stretches of 8-15 words
that differ in a word or a number. In 1,000 articles (seed 1), 8% of the
unrelated pairs, and 59% of the unrelated pairs on one event, hold an
identical run of 8 words outside site chrome. A detector that reports a pair
on one such stretch pays for it in precision.

Documents are written in topic order and shuffled through a buffer of
``shuffle_buffer`` records. Ids are 16 hex digits, a bijective mix of the
document's index: unique by construction and saying nothing about the truth.

Default mix (keyword arguments of :func:`generate`):

==============================  =======  ====================================
share of documents              default  what it is
==============================  =======  ====================================
``wire_fraction``               40%      wire/original stories (Reuters, AFP,
                                         AP, ...), 400-900 words in 8-25
                                         paragraphs, often with a dateline
                                         (``MOSCOW (Reuters) -``) and sign-off
``derived_fraction``            35%      copies of wire stories (kinds below)
``distractor_fraction``         25%      independent articles on a wire's
                                         topic by other outlets: the hard
                                         negatives
==============================  =======  ====================================

Derived kinds (``derived_mix``, shares of the derived documents):

==========  =======  ==========================================================
kind        default  what it is
==========  =======  ==========================================================
reprint     24%      the whole wire story (sometimes trimmed at the end)
partial     22%      one or two runs of consecutive wire paragraphs inside the
                     outlet's own, independently written text
shuffled    12%      the wire's sentences in another order, usually one
                     sentence per line and apostrophes stripped
edited      14%      the whole story with a word inserted, deleted or replaced
                     about every 20 words
merged      8%       paragraphs of two wire stories on the same event ("with
                     AFP and Reuters"); both wires are sources
chain       20%      a copy of another copy (A -> B -> C), often "via <B>"
==========  =======  ==========================================================

On top of its kind, each copy may get: apostrophes stripped ("Russia's" ->
"Russias"), quotes turned straight <-> curly, light word edits, site chrome
("You are here", "Share this article", newsletter footer, headline repeated,
advertisements between paragraphs, a date and URL line), a layout (blank-line
paragraphs, one paragraph per line, one sentence per line, hard-wrapped lines)
and a credit ("(Reuters)", "via <outlet>", "with AFP and Reuters").
Outlets behave consistently: each has its own chrome, preferred layout and
quote/apostrophe habits. ``undated_fraction`` (15%) of the records have no
``date``; copies are dated the same day as their source or later.

Ground truth
============

Every unit of text (sentence, dateline, headline) carries the identity of the
place it was first written. Two documents share a passage wherever they hold
units of the same identity, and one passage is each maximal run of such units
that is contiguous in both texts (only whitespace or punctuation between
them). Runs under 8 words are dropped. Offsets are end-exclusive character
offsets into the exact ``text`` written, computed on the final strings.

``truth["pairs"]`` lists, with passages, every pair sharing text, each with a
``relation``:

- ``copy``: ``derived`` copied ``source`` directly;
- ``chain``: ``derived`` copied a copy of ``source`` (A -> C of A -> B -> C);
- ``sibling``: both copied a common source (two reprints of one wire); the
  one published first is the ``source`` (its true time, which the record may
  not carry: an undated record can print its date in the text), by id when
  the times are equal.

``truth["negatives"]`` samples up to ``negatives_per_topic`` pairs per topic
written independently on the same event (no derivation, no shared unit of
text): wires of different agencies, distractors, copies of another wire of
the event. Extra fields: ``categories`` (document id -> kind: ``wire``,
``distractor`` or a derived kind), ``transforms`` (derived id -> the surface
changes applied), ``topics`` (document id -> event number: false positives
within an event are the topic-similarity trap, across events stock phrases)
and ``generator`` (the parameters).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from bisect import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_DERIVED_MIX", "generate", "iter_corpus", "write_corpus"]

SCHEMA = "syndetect/truth/1"
GENERATOR_VERSION = 1
MIN_PASSAGE_WORDS = 8
MAX_COPIES_PER_WIRE = 10

DEFAULT_DERIVED_MIX: dict[str, float] = {
    "reprint": 0.24,
    "partial": 0.22,
    "shuffled": 0.12,
    "edited": 0.14,
    "merged": 0.08,
    "chain": 0.20,
}

# ---------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------

# name | adjective | capital | second city | third city | currency | region
_COUNTRIES = [
    row.split("|")
    for row in """\
Ukraine|Ukrainian|Kyiv|Kharkiv|Odesa|hryvnia|the Donetsk region
Russia|Russian|Moscow|St Petersburg|Kazan|rouble|the Belgorod region
France|French|Paris|Marseille|Lyon|euro|Brittany
Germany|German|Berlin|Hamburg|Munich|euro|Bavaria
Turkey|Turkish|Ankara|Istanbul|Izmir|lira|the southeastern provinces
Brazil|Brazilian|Brasilia|Sao Paulo|Rio de Janeiro|real|the Amazon region
Argentina|Argentine|Buenos Aires|Cordoba|Rosario|peso|Patagonia
Mexico|Mexican|Mexico City|Guadalajara|Monterrey|peso|the state of Sinaloa
India|Indian|New Delhi|Mumbai|Chennai|rupee|the state of Assam
Pakistan|Pakistani|Islamabad|Karachi|Lahore|rupee|Balochistan
Nigeria|Nigerian|Abuja|Lagos|Kano|naira|the Niger Delta
Kenya|Kenyan|Nairobi|Mombasa|Kisumu|shilling|the Rift Valley
South Africa|South African|Pretoria|Johannesburg|Cape Town|rand|KwaZulu-Natal
Egypt|Egyptian|Cairo|Alexandria|Aswan|pound|the Sinai Peninsula
Japan|Japanese|Tokyo|Osaka|Sapporo|yen|Hokkaido
South Korea|South Korean|Seoul|Busan|Incheon|won|Gyeonggi province
Indonesia|Indonesian|Jakarta|Surabaya|Medan|rupiah|West Java
the Philippines|Philippine|Manila|Cebu|Davao|peso|Mindanao
Poland|Polish|Warsaw|Krakow|Gdansk|zloty|Silesia
Hungary|Hungarian|Budapest|Debrecen|Szeged|forint|the Great Plain
Italy|Italian|Rome|Milan|Naples|euro|Sicily
Spain|Spanish|Madrid|Barcelona|Valencia|euro|Catalonia
Greece|Greek|Athens|Thessaloniki|Patras|euro|Crete
Colombia|Colombian|Bogota|Medellin|Cali|peso|the Pacific coast
Peru|Peruvian|Lima|Arequipa|Cusco|sol|the southern Andes
Chile|Chilean|Santiago|Valparaiso|Concepcion|peso|the Atacama desert
Ethiopia|Ethiopian|Addis Ababa|Dire Dawa|Mekelle|birr|Tigray
Sudan|Sudanese|Khartoum|Omdurman|Port Sudan|pound|Darfur
Iran|Iranian|Tehran|Isfahan|Mashhad|rial|Khuzestan
Serbia|Serbian|Belgrade|Novi Sad|Nis|dinar|Vojvodina
Georgia|Georgian|Tbilisi|Batumi|Kutaisi|lari|the Black Sea coast
Armenia|Armenian|Yerevan|Gyumri|Vanadzor|dram|Syunik province
Azerbaijan|Azerbaijani|Baku|Ganja|Sumgait|manat|the Caspian coast
Thailand|Thai|Bangkok|Chiang Mai|Phuket|baht|the Deep South
Vietnam|Vietnamese|Hanoi|Ho Chi Minh City|Da Nang|dong|the Mekong Delta
Bangladesh|Bangladeshi|Dhaka|Chittagong|Khulna|taka|the Sylhet division
Canada|Canadian|Ottawa|Toronto|Vancouver|Canadian dollar|British Columbia
Australia|Australian|Canberra|Sydney|Melbourne|Australian dollar|Queensland
Morocco|Moroccan|Rabat|Casablanca|Marrakesh|dirham|the Atlas mountains
Ghana|Ghanaian|Accra|Kumasi|Tamale|cedi|the Ashanti region
Sri Lanka|Sri Lankan|Colombo|Kandy|Jaffna|rupee|the Northern Province
Romania|Romanian|Bucharest|Cluj-Napoca|Constanta|leu|Transylvania
the Czech Republic|Czech|Prague|Brno|Ostrava|koruna|Moravia
Malaysia|Malaysian|Kuala Lumpur|Penang|Johor Bahru|ringgit|Sabah
Tunisia|Tunisian|Tunis|Sfax|Sousse|dinar|the interior regions
Ecuador|Ecuadorean|Quito|Guayaquil|Cuenca|dollar|the Amazon provinces""".split("\n")
]

_FIRST = (
    "Anna Olena Maria Elena Sofia Irina Natalia Svetlana Yulia Katarzyna Agnieszka Ewa "
    "Lucia Carmen Ana Isabel Laura Claire Sophie Camille Julia Hanna Ingrid Astrid Freya "
    "Aisha Fatima Amina Leila Nadia Yasmin Priya Anjali Sunita Meera Mei Ling Yuki Haruka "
    "Ji-woo Min-seo Grace Mercy Abena Zanele Thandiwe Lerato Chiara Giulia Eleni Dimitra "
    "Viktor Oleh Andriy Dmitry Sergei Mikhail Pavel Tomasz Piotr Marek Jan Lukas Jonas "
    "Carlos Miguel Javier Diego Luis Pedro Jean Pierre Louis Hugo Thomas Martin Henrik "
    "Lars Erik Omar Ahmed Mustafa Karim Hassan Yusuf Arjun Rahul Vikram Sanjay Wei Jun "
    "Hiroshi Kenji Takeshi Min-jun Seung-ho Kwame Kofi Chinedu Emeka Tunde Sipho Thabo "
    "Marco Luca Giorgos Nikos Mehmet Emre Burak Reza Dariusz Stefan Andrei Bogdan Tamas"
).split()
_LAST = (
    "Kovalenko Shevchenko Bondarenko Melnyk Tkachenko Ivanov Petrov Sokolov Volkov Morozov "
    "Kowalski Nowak Wisniewski Zielinski Novak Horvat Kovacs Nagy Toth Szabo Popescu Ionescu "
    "Dumitru Garcia Martinez Lopez Gonzalez Rodriguez Fernandez Sanchez Ramirez Torres Silva "
    "Santos Oliveira Pereira Costa Dubois Lefebvre Moreau Laurent Girard Bernard Fontaine "
    "Muller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Larsen Johansson Lindqvist "
    "Haddad Khalil Mansour Nasser Farouk Rahman Hussain Qureshi Malik Sharma Patel Gupta Iyer "
    "Nair Reddy Chen Wang Liu Zhang Huang Tanaka Suzuki Watanabe Yamamoto Nakamura Kim Park "
    "Lee Choi Jung Mensah Owusu Boateng Okafor Adeyemi Okonkwo Balogun Mwangi Otieno Kamau "
    "Ndlovu Dlamini Nkosi Rossi Bianchi Romano Esposito Papadopoulos Georgiou Yilmaz Demir "
    "Kaya Sahin Ahmadi Hosseini Karimi Novotny Dvorak Jovanovic Petrovic Nikolic Santoro "
    "Brennan Walsh Murphy Harris Clarke Thompson Robinson Mitchell Carter Bennett Hughes "
    "Okoye Abubakar Tesfaye Haile Bekele Alvarez Castillo Herrera Morales Vargas Rojas"
).split()
_FIRM_SUFFIX = (
    "Capital|Analytics|Advisors|Partners|Research|Securities|Consulting|Economics|Strategies"
).split("|")
_INSTITUTES = (
    "the {adj} Institute for {field}|the {city} Centre for {field}|{city} University|"
    "the {adj} Council on {field}|the University of {city}|the {adj} Policy Forum"
)
_FIELDS = (
    "International Affairs|Security Studies|Economic Research|Public Policy|Strategic "
    "Studies|Energy Policy|Democracy|Global Health|Development Studies|Conflict Research"
).split("|")
_NEUTRAL_CITIES = "Geneva Vienna Istanbul Doha Oslo Helsinki Minsk Brussels Nairobi Singapore"
_COMPANY_A = (
    "Norvia Altaris Belcor Corvant Dunmore Elvaro Fintrex Galvio Helmar Istra Jovex Kestrel "
    "Lumera Marlow Nexora Orbis Pellan Quorvia Raventa Solvane Trevio Ulmark Valtor Westmere "
    "Zentrix Arcadia Brightwater Castellan Drayton Everline"
).split()
_COMPANY_B = (
    "Holdings|Group|Industries|Energy|Motors|Airlines|Bank|Telecom|Pharma|Systems|Mining|"
    "Foods|Logistics|Steel|Technologies|Retail|Insurance|Chemicals"
).split("|")

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTHS_AP = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()

# Agency, weight, dateline format ({CITY} upper case, {City} as written), sign-off.
_AGENCIES: list[tuple[str, float, str, str]] = [
    (
        "Reuters",
        0.24,
        "{CITY} (Reuters) -",
        "(Reporting by {n1} in {city}; Additional reporting by {n2}; Editing by {n3})",
    ),
    ("AFP", 0.2, "{City} (AFP) -", "{i1}/{i2}"),
    (
        "AP",
        0.16,
        "{CITY}, {Country} (AP) —",
        "Associated Press writer {n1} in {city2} contributed to this report.",
    ),
    ("Bloomberg", 0.08, "(Bloomberg) --", "--With assistance from {n1} and {n2}."),
    ("dpa", 0.06, "{City} (dpa) -", ""),
    ("Xinhua", 0.06, "{CITY}, {Mon} {d} (Xinhua) --", "Enditem"),
    ("Anadolu", 0.04, "{CITY} (Anadolu) -", ""),
    ("EFE", 0.04, "{City}, {d} {Mon} (EFE) -", ""),
    ("Kyodo", 0.04, "{CITY}, {Mon} {d} (Kyodo) -", "==Kyodo"),
    ("UPI", 0.04, "{Mon} {d} (UPI) --", ""),
    ("PTI", 0.04, "{City}, {Mon} {d} (PTI)", ""),
]
_AGENCY_NAMES = [a[0] for a in _AGENCIES]
_AGENCY_CUM = list(accumulate(a[1] for a in _AGENCIES))

_OUTLET_A = (
    "Northern|Capital|Valley|Coastal|Metro|Lakeside|Prairie|Summit|Harbor|Riverside|Pacific|"
    "Atlantic|Midland|Highland|Global|Continental|Evening|Morning|Sunday|Daily|Eastern|"
    "Western|Southern|National|Independent|Citizen|Frontier|Heartland|Bayside|Union"
).split("|")
_OUTLET_B = (
    "Times|Post|Herald|Courier|Tribune|Gazette|Chronicle|Observer|Journal|Record|Sentinel|"
    "Ledger|Dispatch|Examiner|Press|Star|Mirror|Monitor|Register|Review|Bulletin|Report|"
    "News|Insider|Digest|Standard|Telegraph|Express|Today|Wire"
).split("|")
_SECTIONS = "World|News|Politics|Business|Economy|International|Europe|Asia|Africa|Americas"

# ---------------------------------------------------------------------------
# Grammar
# ---------------------------------------------------------------------------
# A rule is "alt|alt|..."; an alternative may start with "N*" to weigh it N
# times; "{sym}" expands a rule or special, "{^sym}" capitalises it.

_BASE: dict[str, str] = {
    "when": (
        "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|"
        "late on <Monday|Tuesday|Wednesday|Thursday|Friday|Saturday>|early on <Saturday|Sunday|"
        "Monday|Thursday>|on <Monday|Tuesday|Wednesday|Thursday|Friday|Sunday> <morning|afternoon|"
        "evening|night>|earlier this week|last week|over the weekend|this week|overnight|"
        "earlier in the day|hours earlier|days earlier|at the weekend"
    ),
    "when_future": (
        "next week|on Thursday|later this month|in the coming days|before the end of the year|"
        "next month|within weeks|by the end of the week|early next year|in the spring|on Monday|"
        "in the autumn|within days|later this week|by mid-{month}|after the holidays|"
        "before parliament breaks for the summer|in {month}"
    ),
    "said": (
        "4*said|told reporters|said in a statement|told a <news|press> conference|"
        "said in a <televised|radio|late-night> address|wrote on <social media|X|Facebook|"
        "Telegram>|told <lawmakers|parliament|legislators>|said in an interview <with {self}|>|"
        "told <state|national|local> <television|radio|media>|said at a <briefing|news briefing|"
        "press briefing>|said in a written statement|told a parliamentary committee|"
        "told journalists|said in <remarks|comments> <broadcast|aired|carried> <live|on television|"
        "by radio>|told a <radio station|local radio station|TV channel>|said in a <video|"
        "recorded message|post>|told <supporters|party members|activists> in {city}|told {self}|"
        "said during a visit to {city}"
    ),
    "said_tail": "3*said|added|told reporters|said in a statement|told {self}|said later|wrote",
    "conn": (
        "However,|Meanwhile,|Separately,|In a separate development,|Earlier,|At the same time,|"
        "Still,|Later,|In addition,|Elsewhere,|Last month,|Earlier this year,|In recent weeks,|"
        "Since then,|On the same day,|By contrast,"
    ),
    "anon": (
        "a <senior|high-ranking|junior|veteran> <government|ministry|{cadj}|security> official|"
        "a government <spokesperson|spokesman|spokeswoman>|<two|three|several> <people|sources|"
        "officials> <familiar with the matter|with knowledge of the <talks|plans|discussions>|"
        "briefed on the <talks|discussions|plans>>|<a diplomat|an official|"
        "a source> who <asked not to be <named|identified>|spoke on condition of anonymity>|"
        "officials|a source <close to|familiar with> the <talks|government|presidency|negotiators>|"
        "a spokesperson for {org}|an aide to {pa}|<one|a> <European|Western|Asian|"
        "regional> <diplomat|official|envoy>|local officials|a member of the <negotiating team|"
        "cabinet|ruling party>|people close to the <government|opposition|president>"
    ),
    "source": (
        "{org}|official figures|a statement from {org}|local media|{cadj} state media|"
        "people briefed on the <matter|talks|plan>|data published by {org}|a report by {org}|"
        "a document seen by {self}|government data|an internal <memo|report|assessment>|"
        "preliminary estimates|the latest available figures|a tally by {org}|witnesses|"
        "<an analysis|a study|a survey> by {firm}|figures compiled by {self}"
    ),
    "attrib": (
        "2*according to {source}|2*{anon} said|{source} said|{source} reported|officials said|"
        "{pref} said|witnesses said|the ministry said|{anon} told {self}"
    ),
    "ajob": (
        "chief economist|a senior analyst|head of research|a senior fellow|"
        "director of the {fieldl} programme|a professor of {fieldl}|an analyst|"
        "a political scientist|head of strategy|a researcher|a former <adviser|aide> to {pother}|"
        "a visiting scholar|managing director|a lecturer|head of {fieldl} research"
    ),
    "fieldl": (
        "international relations|political science|economics|public health|security studies|"
        "energy policy|law|history|development|emerging markets|European affairs|public policy"
    ),
    "analyst": "{aname}, {ajob} at {firm},",
    "clause": (
        "2*{voice} {voice_act}|3*{actor} {act}|2*{actor} would {act_inf} {when_future}|"
        "{actor} stood ready to {act_inf}|{actor} had no <plans|intention> to {act_inf}|"
        "3*{outcome}|{issue} <remained unresolved|was still under discussion|"
        "had become a <sticking point|stumbling block>|was <not on the table|off the table>>|"
        "{issue} would be <discussed|raised|reviewed> {when_future}|the situation <in {city}|"
        "on the ground|> {sit}|{actor} could {act_inf} if {cond}|{actor} {act} {when}|"
        "<there was no sign|nothing suggested|there was little indication> that {actor} would "
        "{act_inf}|{actor} seemed unlikely to {act_inf}"
    ),
    "voice": "analysts|critics|opposition lawmakers|{anon}|{aname}|observers|{group}",
    "voice_act": (
        "warned of {concern}|questioned the timing of the {move}|called for {demand}|"
        "described the {move} as {adj_judg}|expected {outcome_np}|said little had changed|<doubted|"
        "questioned> whether {actor} would {act_inf}|<feared|predicted|expected> {concern}"
    ),
    "adj_judg": (
        "premature|long overdue|a gamble|a step in the right direction|unhelpful|risky|symbolic|"
        "a mistake|cosmetic|naive"
    ),
    "outcome_np": (
        "further turbulence|a long stand-off|a quick compromise|more pressure on {actor}|"
        "little change"
    ),
    "sit": (
        "remained tense|was deteriorating|was under control|was changing <quickly|fast|"
        "by the hour>|remained fragile|had stabilised|was far from resolved|"
        "was worse than <officials had admitted|expected|{pother} had said>|"
        "could still get out of <hand|control>|had <improved|eased> <in recent days|"
        "since {when_past}|somewhat>"
    ),
    "cond": (
        "talks failed|the crisis deepened|{actor} refused to {act_inf}|pressure continued to mount|"
        "the deadline passed <without agreement|without a deal>|conditions worsened|"
        "{concern} persisted|no compromise was found"
    ),
    "move": "decision|announcement|move|statement|development|step|warning",
    "timing": (
        "days after {clause}|hours after {clause}|as {clause}|amid {concern}|a week after {event}|"
        "shortly after {event}|at a time of {concern}|ahead of <talks|a vote|a debate|"
        "a decision> on {issue}|ahead of <a meeting|talks|a summit|consultations> <of|with> {org}|"
        "just days before {event2}"
    ),
    "event2": (
        "a <crucial|key|decisive> vote in <parliament|the senate|the assembly>|"
        "the summit in {neutral}|the <end of the|expiry of the|{month}> deadline|"
        "a visit by {pother}"
    ),
    "effect": (
        "<analysts|economists|diplomats|observers> said could {outcome_inf}|drew <sharp|swift|"
        "angry> <criticism|condemnation|protests> from {actor}|<is likely|threatens|"
        "could> to deepen {concern}|was <welcomed|praised|cautiously welcomed> by {actor}|"
        "caught <many|most|some> <observers|analysts|diplomats> by surprise|<critics|opponents|"
        "some lawmakers> <described|dismissed|hailed> as <long overdue|a gimmick|"
        "too little, too late>|could {outcome_inf}|{pother} called a <serious|grave|"
        "costly> mistake|<some|many|observers> <saw|read|interpreted> as a sign of {concern}"
    ),
    "outcome_inf": (
        "further delay {issue}|ease {concern}|add to {concern}|<complicate|hamper|"
        "undermine> <efforts|attempts|moves> to <resolve|settle|end> {issue}|"
        "raise pressure on {actor}|reshape the debate over {issue}|undermine confidence in {issue}"
    ),
    "unclear": (
        "It was unclear|It remained unclear|It was not clear|Nobody could say|"
        "Officials did not say|{pref} did not say|There was no word on|It is not known"
    ),
    "wh": (
        "whether {actor} would {act_inf}|how {actor} <would|planned to> respond to {event}|"
        "when {issue} <would|could> be <settled|resolved|decided>|how many {group} <had been|"
        "were> affected <in {city}|>|what <impact|effect> {concern} would have on {issue}|"
        "who was <behind|responsible for> {event}|whether {pother} had <approved|seen|"
        "backed> the {plan_n}|how long {issue} <would take|could last>"
    ),
    "no_comment": (
        "3*did not <immediately |>respond to <a request|requests|an emailed request> for comment|"
        "could not be reached for comment|declined to comment|did not return <calls|"
        "phone calls> seeking comment|was not available for comment|did not reply to <questions|"
        "emails|messages> from {self}"
    ),
    "stance": (
        "supported|opposed|was closely monitoring|had concerns about|welcomed|rejected|"
        "would review|was studying|strongly condemned|cautiously welcomed"
    ),
    "duration": (
        "years|months|more than a decade|much of the past year|several weeks|decades|"
        "almost two years|the better part of a decade"
    ),
    "rel": (
        "took office in {year}|has faced criticism over {issue}|has <repeatedly|long|"
        "often> called for {demand}|was speaking in {city}|is <seen|regarded|"
        "tipped> as a <possible|likely|potential> successor to {pother}|"
        "has led the talks since {year}|returned from {capital2} {when}|was appointed {when_past}|"
        "met {pother} {when}"
    ),
    "when_past": "last year|in {year}|in {month}|two years ago|earlier this year|last month",
    "demand": (
        "an independent inquiry|calm|restraint|fresh talks|more transparency|international support|"
        "an emergency session of parliament|a full investigation|urgent reforms|a clear timetable|"
        "compensation for those affected"
    ),
    "act_person": (
        "visited {city}|met {pother} in {capital}|spoke by phone with {pother}|called for {demand}|"
        "warned of {concern}|rejected calls to {act_inf}|defended the handling of {issue}|"
        "vowed to {act_inf}|urged {actor} to {act_inf}|flew to {capital2} for talks|"
        "cancelled a planned trip to {neutral}|chaired an emergency meeting on {issue}|"
        "promised {demand}|criticised {actor} over {issue}"
    ),
    "act_inf_person": (
        "visit {city} <on Friday|next week|before the summit|>|meet {pother} <in {capital}|"
        "in {neutral}|again>|<address|brief> <parliament|lawmakers|the cabinet|the nation>|"
        "travel to {capital2}|hold talks with {org}|chair <an emergency|a special|"
        "a cabinet> meeting <on {issue}|>|present <the plan|the proposal|"
        "new measures> to <lawmakers|parliament|the cabinet>|<brief|update> <reporters|journalists|"
        "the media> <on {issue}|>|sign the <agreement|deal|decree>|attend a <summit|conference|"
        "meeting> in {neutral}"
    ),
    "due": "is due to|is expected to|will|plans to|is scheduled to",
    "te_verb": (
        "intensified|deepened|took a new turn|escalated|dragged on|showed signs of easing|"
        "entered a new phase|moved <closer to|towards> a <resolution|settlement|deal>|"
        "grew more complicated"
    ),
    "lead_tail": (
        "in a sharp escalation of {topic_event}|raising fears of {concern}|"
        "in a move likely to deepen {concern}|officials said|the latest twist in {topic_event}|"
        "as {clause}|despite {concern}|{attrib}|in the <biggest|most significant|latest> <shift|"
        "turn|development> <yet|so far> in {topic_event}|a step that could {outcome_inf}"
    ),
    "lead": (
        "3*{^actor} {act} {when}, {lead_tail}.|2*{pref} {act_person} {when}, {lead_tail}.|{stat_s}|"
        "{^topic_event} {te_verb} {when} as {clause}.|{^actor} {act} {when} amid {concern}, "
        "{attrib}.|{pref} {said} {when} that {clause}."
    ),
    "quote": (
        "3*{dquote}|5*{qframe} {clause}|We are <deeply|very|increasingly|gravely> <worried|"
        "concerned|alarmed> <about|by> {concern}|<Nobody|No one|No government> can <ignore|deny|"
        "dismiss> {concern} <any longer|anymore|today>|"
        "What happened in {city} <must never happen again|is unacceptable|shocked all of us|"
        "was a warning>|The <government|cabinet|leadership> has <failed|let people down|"
        "dropped the ball> on {issue}|Our position on {issue} <is well known|has not changed|"
        "is clear|is no secret>|We will not <accept|sign|support> <any deal|an agreement|"
        "a plan> that <ignores|overlooks|fails to address> {concern}|<Talk|Speculation|"
        "All this talk> of {concern} is <exaggerated|overblown|misplaced>|{^concern} is <a direct|"
        "the|an inevitable> result of <decisions|choices|mistakes> <taken|made> in {capital}"
    ),
    "quote_s": (
        '4*"{quote}," {pref} {said_tail}.|2*"{quote}," said {pref}.|'
        '"{quote}. {gquote}," {pref} {said_tail}.|"{quote}," {pref} {said_tail} {when}. "{quote}."|'
        '"{quote}," said {aname}, {ajob} at {firm}.|{pref} {said}: "{quote}."|'
        '"{quote}," {pref} {said_tail} {when}, <adding|and added>: "{quote}."'
    ),
    "gquote": (
        "Nobody should be <surprised|shocked>|This is not the end|We will not be <intimidated|"
        "rushed|distracted>|Time is running out|The coming <weeks|days|months> will be <decisive|"
        "critical|difficult>|This cannot go on|Words are not enough|History will judge <us|"
        "all of us|this decision>|People in {city} deserve <answers|better|the truth>|"
        "We owe it to <the people of {country}|our voters|the families>"
    ),
    "body": (
        "5*{quote_s}|3*{^conn} {actor} {act} {when}, {attrib}.|"
        "3*{^actor} {adv}{act} {when}, {attrib}.|3*{pref} {said} {when} that {clause}.|"
        "2*{pref} said {clause}, adding that {clause}.|2*The {move} <comes|came> {timing}.|"
        "2*{^actor} {adv}{act} {when} amid {concern}.|2*{stat_s}|2*{analyst} said {outcome}.|{bg}|"
        "{unclear} {wh}.|{^group} in {city} said {clause}.|"
        "{^conn} {pref} {said} {actor} would {act_inf} {when_future}.|"
        "{^org} said {when} that it {stance} {issue} and <urged|called on|"
        "asked> {actor} to {act_inf}.|{pref}, who {rel}, said {clause}.|"
        "In {city}, {group} {group_act} {when}, {attrib}.|2*{^actor} {adv}{act}, <a move|a step|"
        "a decision> that {effect}.|{^actor} also {act}, {attrib}.|"
        "Asked whether {clause}, {pref} said {clause}.|{^cadj} media reported that {clause}.|"
        "{pref} {said} that {actor} {act} and that {clause}.|<Critics|Opponents|Detractors> <say|"
        "argue> {clause}, while <supporters|allies of {pa_last}|backers> <argue|say|"
        "insist> that {clause}.|{^actor} denied {deny_obj}, {attrib}.|"
        "2*{pref} {act_person} {when}, {attrib}.|{^group} {group_act} {when} as {concern} {grew}.|"
        "Under the {plan_n}, {actor} would {act_inf} and {actor} would {act_inf}.|"
        "{^actor} could {act_inf} as <early|soon> as {when_soon}, {attrib}.|"
        "{pref} {due} {act_inf_person} {when_future}.|{pref} {no_comment}.|"
        "{dispute_np} over {issue} has {hurt} {hurt_obj}, {attrib}.|"
        "{^analyst} said {clause}, but warned that {outcome}."
    ),
    "close": (
        "{^nextstep}, {attrib}.|{^nextstep}.|{pref} {due} {act_inf_person} {when_future}.|"
        "{unclear} {wh}.|{bg}|{^actor} could {act_inf} as <early|soon> as {when_soon}, {attrib}."
    ),
    "deny_obj": (
        "any wrongdoing|the allegations|responsibility for {event}|any plan to {act_inf}|<reports|"
        "claims|suggestions> that it had {act_pp}|claims that {clause}"
    ),
    "act_pp": (
        "<made|offered> concessions|been warned <in advance|beforehand|by {org}>|<changed|shifted|"
        "softened> its position|<received|seen|rejected> the <proposal|draft|offer>"
    ),
    "grew": "grew|mounted|deepened|spread|intensified|persisted|lingered",
    "plan_n": "plan|proposal|agreement|draft deal|new rules|framework|compromise|roadmap",
    "hurt": "strained|overshadowed|paralysed|complicated|dominated|soured",
    "hurt_obj": (
        "relations between {capital} and {capital2}|the government's agenda|the work of parliament|"
        "the <run-up|preparations> to the <summit|budget debate|elections>|ties with {org}|"
        "public debate in {country}"
    ),
    "org": "3*{torg}|{gorg}",
    "qframe": (
        "The truth is that|Everyone can see that|We have <information|evidence|reports> that|"
        "I can <confirm|tell you> that|Let me be clear:|We were told that|It is <obvious|"
        "clear> that|We cannot accept that|Nobody expected that|I regret that|We know that|"
        "Frankly,|Today|We <will not|cannot> pretend that|Our <people|partners|citizens> <know|"
        "understand> that|If nothing changes,|As of today,|Unfortunately,|For now,|Believe me,"
    ),
    "when_soon": (
        "next week|this week|Monday|Friday|{month}|the weekend|next month|Thursday|mid-{month}"
    ),
    "nextstep": "{dnext}",
    "adv": "5*|also |earlier |reportedly |on Tuesday |later |separately |again |already ",
    "stat_s": (
        "2*{^conn} {stat_fact}, {attrib}.|2*{^stat_fact}, {attrib}.|"
        "According to {source}, {stat_fact}.|{^stat_src} <showed|indicated|suggested|"
        "confirmed> that {stat_fact}.|{^stat_fact}, <a figure|a number|"
        "an estimate> that {stat_judg}."
    ),
    "stat_src": (
        "<figures|data|estimates|numbers> <released|published|compiled> by {org}|<an internal|"
        "a confidential|a leaked> <report|memo|assessment>|<a|the latest> {firm} <survey|analysis|"
        "study>"
    ),
    "stat_judg": (
        "<surprised|alarmed|worried> <many|some|most> <analysts|officials|observers>|<{pother}|"
        "{actor}|the opposition> <disputed|questioned|called exaggerated>|<is|was> <likely|"
        "expected> to <rise|grow|be revised up> <in the coming days|as {concern} {grew}>|"
        "<underlined|highlighted|showed> the <scale|extent|cost> of {topic_event}"
    ),
    "dispute_np": "The dispute|The row|The standoff|Disagreement|The quarrel|Uncertainty|Wrangling",
}

# Each domain defines: actor, act, act_inf, issue, event, concern, group,
# group_act, stat_s, dquote, outcome, nextstep, bg, hl, topic_event, gorg, and
# the people's titles ("roles", comma separated) and topic organisations.
_DOMAINS: dict[str, dict[str, str]] = {
    "conflict": {
        "actor": (
            "the defence ministry|the army|government forces|separatist fighters|rebel commanders|"
            "the military|border guards|{cadj} troops|{cadj2} forces|the general staff|"
            "the presidential office|air defence units|military commanders|the security council|"
            "naval forces|{cadj} officials|the rebels"
        ),
        "act": (
            "3*<deployed|moved|sent|rushed|redeployed|massed> <additional|more|fresh|"
            "several thousand> <troops|armoured units|artillery batteries|paratroopers|"
            "air defence systems|reinforcements> {c_toward}|2*accused {country2} of {c_violating}|"
            "<shot down|intercepted|destroyed> {n_small} <drones|missiles|rockets|"
            "reconnaissance drones> <over|above|near> <{region}|{city2}|the border area>|<ordered|"
            "began|announced> the evacuation of <villages|towns|settlements|civilians> <near|"
            "around|close to> {city2}|launched a <counteroffensive|new offensive|ground assault|"
            "wave of air strikes> {c_toward}|announced a <partial|nationwide|"
            "limited> mobilisation of <reservists|former soldiers|men under 40>|<closed|"
            "restricted> <the airspace|air traffic|shipping lanes|rail links> <over|around|"
            "near> {region}|reported {c_heavy} <shelling|artillery fire|fighting|clashes|"
            "air strikes> <around|near|on the outskirts of> {city2}|<rejected|dismissed|"
            "turned down> <the latest|a new|a revised> <peace proposal|ceasefire plan|"
            "offer of talks> from {capital2}|began {c_large} <military exercises|naval drills|"
            "air defence drills|manoeuvres> {c_toward}|<recalled its ambassador|withdrew its envoy|"
            "summoned the {cadj2} ambassador> <over|after|following> {event}|imposed a <curfew|"
            "state of martial law|state of emergency> <in|across|around> {city2}|"
            "said it had <repelled|beaten back|halted> <an attack|an assault|a raid|"
            "an incursion> <on|near|outside> {city2}|<released|published> <footage|video|"
            "satellite images> of <the strikes|the damage|the attack> <on|in|near> {region}|"
            "expelled {n_small} {cadj2} <diplomats|embassy staff|military attaches>|<withdrew from|"
            "suspended its participation in|pulled out of> <a key arms treaty|the border agreement|"
            "the monitoring pact>|agreed to a {c_short} <truce|ceasefire|"
            "pause in fighting> <around|near|in> {city2}|<blamed {country2} for|"
            "held {country2} responsible for> <the escalation|the attack|the violence|"
            "the latest clashes>|put <its forces|the army|air defences|the navy> on <high|full|"
            "maximum> alert|<opened|agreed to open|proposed> a humanitarian corridor <from|out of|"
            "to> {city2}|called up {n_big} <reservists|conscripts|volunteers>|stepped up <patrols|"
            "surveillance|air patrols> <along the frontier|near {city2}|in {region}>|<tested|fired|"
            "unveiled> a new <long-range|hypersonic|short-range|cruise> missile|<seized|captured|"
            "retook> <a strategic bridge|a key road junction|an airfield|a hilltop position> <near|"
            "outside|south of|north of> {city2}|<struck|hit|targeted> <fuel depots|"
            "ammunition stores|rail hubs|command posts> {c_toward}"
        ),
        "c_toward": (
            "near the border|to the front line around {city2}|into {region}|closer to {city2}|"
            "along the northern frontier|to positions outside {city2}|in the south of {region}|"
            "across the river from {city2}|east of {city2}|in the hills above {city2}"
        ),
        "c_violating": (
            "violating the <ceasefire|truce|border agreement>|shelling <civilian areas|"
            "residential districts|villages near {city2}>|preparing a <provocation|"
            "false-flag attack|new offensive>|<staging|faking> attacks on its own <positions|"
            "troops|territory>|massing troops <on the frontier|near {region}>|<sabotaging|"
            "undermining|stalling> the peace process|targeting <aid convoys|hospitals|"
            "power plants>|hiding weapons in <residential areas|schools|hospitals>"
        ),
        "c_heavy": "heavy|sporadic|intense|renewed|overnight|relentless",
        "c_large": "large-scale|snap|joint|unannounced|week-long",
        "c_short": "temporary|three-day|local|fragile|short-lived",
        "act_inf": (
            "<withdraw|pull back> <troops|forces|heavy weapons|artillery> <from the border|"
            "from {region}|from around {city2}>|<resume|restart|join> <peace|ceasefire|"
            "direct> talks|<accept|allow|admit> <international|UN|OSCE> <monitors|observers|"
            "inspectors>|<open|guarantee|secure> <humanitarian corridors|"
            "safe passage for civilians|aid routes into {city2}>|<respect|honour|"
            "extend> the <ceasefire|truce|ceasefire deal>|<exchange|release|free> <prisoners|"
            "captured soldiers|detainees>|<restore|reopen> <the border crossings|"
            "the airport at {city2}|rail links to {city2}>|<halt|suspend|"
            "scale back> <the offensive|air strikes|the shelling of {city2}>|<negotiate|"
            "hold talks> directly with {capital2}|<send|deploy> <peacekeepers|a monitoring mission|"
            "observers> to {region}|<lift|ease|end> the blockade of {city2}|<recognise|"
            "negotiate with> the <breakaway|separatist|rebel> authorities"
        ),
        "issue": (
            "the ceasefire|the disputed border|security guarantees|the prisoner exchange|"
            "humanitarian access|the peace plan|the status of {region}|troop withdrawals|"
            "the buffer zone|arms deliveries|the blockade of {city2}|the monitoring mission|"
            "the demilitarised zone"
        ),
        "event": (
            "the <attack|assault|raid|strike> on <{city2}|a border post|an army convoy|"
            "a military base>|the shelling of <the border town|a market in {city2}|"
            "the railway station>|the drone <strike|attack> on a <fuel depot|power station|"
            "barracks>|<last week's|Sunday's|the> ambush near {city2}|"
            "the downing of a <military helicopter|cargo plane|fighter jet>|"
            "the collapse of the truce|the bombing of a <rail bridge|dam|pipeline>|"
            "the capture of {n_small} soldiers|the <explosion|blast|fire> at an <ammunition|arms|"
            "fuel> depot <near|outside> {city2}"
        ),
        "concern": (
            "<fears|warnings|the risk> of <a wider war|escalation|a new offensive|"
            "a humanitarian catastrophe>|a humanitarian crisis|mounting civilian casualties|"
            "a refugee exodus|shortages of <food and water|fuel|medicine>|a prolonged conflict|"
            "renewed fighting|attacks on civilian infrastructure|a breakdown in diplomacy"
        ),
        "group": (
            "residents|civilians|refugees|aid workers|soldiers' families|local officials|"
            "displaced families|volunteers|medics|farmers"
        ),
        "group_act": (
            "fled <the area|their villages|towards {capital}>|sheltered in <basements|"
            "metro stations|churches>|queued for <fuel and bread|water|medicine>|"
            "waited at the border crossing|buried their dead|repaired damaged <homes|roofs|"
            "windows>|gathered at evacuation points|crowded onto <trains|buses> heading <west|"
            "north|to {capital}>|protested outside the <town hall|governor's office>|"
            "returned to the ruins of their homes"
        ),
        "dquote": (
            "We will defend every <inch|metre> of our <land|territory|country>|"
            "There can be no <negotiations|talks|deal> while {city2} is being <shelled|bombed|"
            "attacked>|Our patience with {capital2} is <not unlimited|wearing thin|running out>|"
            "This is a <blatant|flagrant|clear> violation of <international law|the ceasefire|"
            "every agreement>|We are ready for <dialogue|talks>, but not <at any price|"
            "under pressure|under threat>|The situation <around|in> {city2} remains <extremely|"
            "very|deeply> <difficult|tense|dangerous>|<Nobody|No one> <wants|"
            "is looking for> <a war|war|escalation>, but we will not be <intimidated|blackmailed|"
            "bullied> by {capital2}|Every <day|hour|week> of delay costs <lives|"
            "more lives> in {region}|We have <seen|observed> no <sign|evidence> of <de-escalation|"
            "a pullback|goodwill> <on the ground|near {city2}|from {capital2}>|"
            "These are not <exercises|drills>, <this is|they are> <preparation|"
            "preparations> for <an offensive|war|an invasion>|Our <forces|troops|"
            "units> are holding their positions <near|around|outside> {city2}|"
            "The world cannot <look away from|ignore> what is happening in {region}|"
            "We call on our <partners|allies|friends> to act <now|today>, not <tomorrow|"
            "next month>|The door to <diplomacy|talks|dialogue> remains open|"
            "Whoever <gave this order|fired those shells|"
            "planned this attack> will be held <accountable|responsible>|{^country2} is <trying|"
            "looking> to create a pretext for <an invasion|a new offensive|war>"
        ),
        "outcome": (
            "the fighting could <spread|extend|expand> to {region}|the talks were <unlikely|"
            "not expected> to produce a <breakthrough|deal>|the <ceasefire|"
            "truce> would not hold for <long|more than a few days>|{country2} was <preparing|"
            "planning> a new offensive|sanctions <alone|by themselves> would not change <the "
            "calculations|minds|policy> in {capital2}|the <conflict|war|"
            "fighting> could drag on for <months|years|a long time>|the front line had <barely|"
            "hardly> moved <in weeks|since {month}>|both sides were running <short|low> <of|"
            "on> <ammunition|troops|money>"
        ),
        "bg": (
            "{^country} and {country2} <fought|waged> a <short|brief|"
            "bloody> war over {region} in {year}.|{^topic_event} has <killed|"
            "claimed the lives of> <thousands|more than {n_big} people> <since {year}|"
            "so far>, <according to UN estimates|rights groups say|{attrib}>.|"
            "{^country2} has <repeatedly|consistently|always> denied <sending troops|"
            "any military role> <in|across> {region}.|<Talks|"
            "Relations> between {capital} and {capital2} have been <strained|frozen|"
            "frosty> since {year}, when <border talks collapsed|both sides expelled diplomats|"
            "{country2} closed the border>."
        ),
        "hl": (
            "{^country2} masses troops near border as tensions <rise|mount>|"
            "{pa_last} vows to defend {region} after deadly shelling|Ceasefire <under strain|"
            "in danger|falters> as fighting flares near {city2}|"
            "Civilians flee {city2} as {cadj2} forces advance|"
            "{^country} accuses {country2} of plotting attack|"
            "Talks on {region} stall as both sides dig in|Drone strikes hit <fuel depot|"
            "power plant|barracks> in {region}|{^country} orders evacuation of villages near "
            "{city2}|UN warns of humanitarian crisis in {region}|"
            "Fighting intensifies in {region} despite truce"
        ),
        "topic_event": (
            "the standoff over {region}|the conflict in {region}|the border crisis with {country2}|"
            "the fighting around {city2}|the military build-up near {region}"
        ),
        "gorg": (
            "the United Nations|NATO|the OSCE|the International Committee of the Red Cross|"
            "the European Union|the African Union|the UN refugee agency"
        ),
        "roles": (
            "President,Defence Minister,Foreign Minister,military spokesman,Prime Minister,army "
            "chief,presidential adviser"
        ),
        "torgs": "the defence ministry,the foreign ministry,the general staff,the security council",
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|negotiators <are due|plan|"
            "are expected> to meet again in {neutral} {when_future}|<foreign|"
            "defence> ministers from the region will hold <emergency|urgent> talks {when_future}|"
            "the UN Security Council <is expected|is due|plans> to <discuss|debate|"
            "take up> the crisis {when_future}|monitors <are expected|hope|"
            "are due> to return to {region} {when_future}"
        ),
        "stat_fact": (
            "<at least|more than|some> {n_mid} <civilians|people|soldiers|fighters> <were|"
            "had been> <killed|wounded|injured> <in|during|since> {event}|<about|some|more than|"
            "nearly> {n_big} <people|residents|families> <had fled|had left|"
            "were displaced from> <{region}|{city2}|the border area> <since the fighting began|"
            "in the past week|since {month}>|{country2} <had massed|had deployed|"
            "had gathered> <about|some|up to> {n_big} <troops|soldiers> {c_toward}|"
            "{n_small} <tanks|artillery systems|armoured vehicles|drones> <were destroyed|"
            "had been hit|were captured> <near|around|outside> {city2}|<about|some|"
            "nearly> {n_big} <homes|households|residents> <in|around|near> {city2} <were left|"
            "remained> without <electricity|heating|water|gas>|<monitors|observers|"
            "the UN mission> <had recorded|counted|logged> {n_mid} <ceasefire violations|"
            "explosions|incidents> <in the past week|since {when_past}|overnight>"
        ),
    },
    "economy": {
        "actor": (
            "3*the central bank|the finance ministry|the government|policymakers|the treasury|"
            "the monetary policy committee|the cabinet|{cadj} authorities"
        ),
        "act": (
            "2*<raised|lifted|increased> its <benchmark|key|main> <interest|policy|"
            "lending> rate by {bp} basis points|<kept|left|held> <interest rates|its key rate|"
            "borrowing costs> <unchanged|steady|on hold> at {pct}|<cut|lowered|"
            "trimmed> its growth forecast for <this year|next year|{year2}> to {pct}|<intervened|"
            "stepped in> <in the currency market|to prop up the {currency}|"
            "to slow the {currency}'s fall>|<announced|unveiled|"
            "approved> a {money} <stimulus package|support plan|aid programme> for <households|"
            "small businesses|exporters|farmers>|<tightened|loosened|"
            "revised> rules on <consumer lending|mortgages|foreign borrowing|bank capital>|"
            "sold <foreign currency reserves|dollars|gold> to <support|defend|"
            "shore up> the {currency}|<raised|cut|froze> <fuel|value-added|corporate|income> taxes|"
            "<unveiled|presented|submitted> a draft budget for <next year|{year2}> <to parliament|"
            "to lawmakers|>|<lowered|raised> reserve requirements for <banks|lenders|"
            "commercial banks>|<revised up|raised|lifted> its inflation forecast <to {pct}|"
            "for the third time|for next year>|<announced|imposed|introduced> new <measures|rules|"
            "controls> to <curb|stem|limit> capital outflows|<froze|capped|"
            "limited> <public sector wages|pension increases|state hiring>|<reported|recorded|"
            "posted> a <wider|record|larger than expected> <current account|trade|budget> deficit|"
            "said growth <slowed|eased|fell> to {pct} in the <last|second|third|first> quarter|"
            "<pledged|promised|vowed> to bring inflation back to <target|{pct}> by {year2}|"
            "<postponed|cancelled|scaled back> a planned <bond sale|debt issue|privatisation>|<cut|"
            "raised|revised|trimmed|lifted> its <deficit target|spending plans|borrowing forecast|"
            "growth outlook> <for the second time this year|by {pct}|ahead of the budget vote|"
            "after weak tax receipts|under pressure from the IMF>"
        ),
        "act_inf": (
            "<raise|lift> <interest rates|borrowing costs> again|<cut|trim|rein in> <spending|"
            "public spending|subsidies>|<support|defend|stabilise> the {currency}|<rein in|tame|"
            "curb> inflation|<ease|loosen> <lending conditions|credit rules>|<reduce|narrow|"
            "close> the budget deficit|protect <household incomes|pensioners|the poorest families>|"
            "<restore|rebuild> investor confidence|<revise|overhaul|simplify> the tax code|<boost|"
            "support|diversify> exports|<cap|freeze|regulate> <energy|food|fuel> prices|<delay|"
            "soften|scrap> the pension reform|tap international debt markets|"
            "rebuild foreign currency reserves"
        ),
        "issue": (
            "the budget deficit|inflation|the {currency}'s slide|interest rates|public debt|"
            "the tax reform|wage growth|the pension system|bank lending|the trade balance|"
            "fuel subsidies|the IMF programme|housing costs|the cost of living"
        ),
        "event": (
            "the surprise rate <hike|cut|decision>|<last month's|the recent|"
            "last week's> currency <crash|slump|sell-off>|the budget vote|"
            "the downgrade by <ratings agencies|Moody's|Fitch>|the release of the <inflation|jobs|"
            "growth> figures|the bond market sell-off|the collapse of a <regional|mid-sized|"
            "state-owned> lender|the announcement of the stimulus plan"
        ),
        "concern": (
            "persistent inflation|a looming recession|weak consumer demand|rising borrowing costs|"
            "capital flight|a widening trade deficit|soaring <food|rent|energy> prices|"
            "a slowdown in China|falling real wages|market volatility|a housing slump|"
            "a shortage of hard currency"
        ),
        "group": (
            "shoppers|homeowners|small business owners|pensioners|factory workers|investors|"
            "importers|farmers|young families|savers"
        ),
        "group_act": (
            "rushed to <change|convert> savings into <dollars|euros|gold>|cut back on <spending|"
            "holidays|eating out>|queued outside <banks|exchange offices>|"
            "protested against rising <prices|rents|fuel costs>|delayed <major purchases|"
            "buying homes|plans to expand>|scrambled to refinance mortgages|stocked up on <staples|"
            "rice and flour|cooking oil>|switched to cheaper <brands|stores>"
        ),
        "dquote": (
            "Inflation remains our <main|biggest|overriding> concern|We will do <whatever it takes|"
            "everything necessary> to <stabilise prices|defend the {currency}|restore confidence>|"
            "The worst is <behind us|over>, but <risks remain|we cannot relax|challenges remain>|"
            "We cannot rule out <further tightening|another rate hike|more intervention>|"
            "Households in {country} are <feeling the squeeze|struggling|hurting>|"
            "The fundamentals of our economy remain <strong|solid|sound>|"
            "This budget is about <restoring credibility|fiscal discipline|protecting jobs>|"
            "We expect growth to <pick up|recover|accelerate> <in the second half|"
            "in the coming quarters|by spring>|Monetary policy alone cannot <solve|fix|"
            "cure> <this problem|inflation|our problems>|Markets are <clearly|understandably|"
            "visibly> nervous about the {currency}|Our <priority|goal|task> is to <protect|shield|"
            "help> the <most vulnerable|poorest families|pensioners>|"
            "There is no room for <complacency|error|experiments>|"
            "The {currency} is not in free fall, <whatever the headlines say|despite what you read|"
            "whatever critics claim>|We are <not going|not about|"
            "not planning> to print money to <pay salaries|cover the deficit|fund pensions>"
        ),
        "outcome": (
            "the central bank would <raise|lift|increase> rates again {when_future}|"
            "inflation would peak <in the coming months|by the summer|later this year|in {month}>|"
            "growth would slow <sharply|markedly> <next year|in {year2}>|"
            "the {currency} could come under <renewed|fresh|more> pressure|"
            "the economy would <avoid|narrowly avoid|slip into> a recession <in {year2}|this year|"
            ">|the budget targets looked <overly optimistic|unrealistic|ambitious>|"
            "the government would need <outside|IMF|emergency> financing <by {month}|>|"
            "price controls would <do more harm than good|backfire|create shortages>"
        ),
        "bg": (
            "{^country}'s economy <contracted|shrank> <by {pct}|"
            "sharply> in {year} as <the pandemic|a drought|the war> hit <tourism|farm output|"
            "consumer spending|exports>.|The central bank has <raised|lifted|increased> <rates|"
            "borrowing costs> {n_small} times since {year}.|The {currency} has lost <about|nearly|"
            "more than> <a third|half|a quarter> of its value <since {year}|in {n_small} years>.|"
            "{^country} <agreed|signed> a {money} <programme|loan|bailout> with the IMF in {year}."
        ),
        "hl": (
            "{^country} central bank <raises|lifts|hikes> rates to <tame|fight|curb> inflation|"
            "{^currency} <slides|slumps|falls> to record low as investors <flee|sell|take fright>|"
            "{pa_last} unveils {money} budget plan|Inflation in {country} hits highest level since "
            "{year}|{^country} cuts growth forecast amid {concern}|Rate <hike|"
            "rise> fails to halt {currency}'s slide|{^country}'s economy shrinks for <second|"
            "third> straight quarter|{pa_last} defends spending cuts as protests grow"
        ),
        "topic_event": (
            "the {currency}'s slide|the fight against inflation|the budget crisis|"
            "the economic slowdown"
        ),
        "gorg": (
            "the International Monetary Fund|the World Bank|Moody's|Fitch Ratings|"
            "the European Central Bank"
        ),
        "roles": (
            "central bank Governor,Finance Minister,Prime Minister,Economy Minister,deputy central "
            "bank governor,President,Treasury Secretary"
        ),
        "torgs": "the central bank,the finance ministry,the statistics office,the budget office",
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|the central bank's next <policy|"
            "rate-setting> meeting is <scheduled|set|due> for {when_future}|<parliament|"
            "lawmakers> <is|are> due to <vote on|debate|approve> the budget {when_future}|<revised|"
            "new|final> <growth|inflation> figures <are due|will be published> {when_future}|"
            "an IMF <mission|team|delegation> is expected <to visit|in> {capital} {when_future}"
        ),
        "stat_fact": (
            "<annual|consumer price|core> inflation <rose|climbed|accelerated|eased|"
            "slowed> to {pct} in {month}|the economy <grew|expanded|shrank|"
            "contracted> {pct} in the <three months to|quarter to> {month}|"
            "the {currency} <weakened|fell|slid|recovered|firmed> {pct} against the <dollar|"
            "euro> <on the day|{when}|this week>|<unemployment|the jobless rate> <fell|rose|"
            "edged up|edged down> to {pct} <in {month}|last month>|<foreign|hard currency|"
            "net> reserves <dropped|fell|shrank|recovered> to {money} <at the end of|in> {month}|"
            "<public|government> debt <would|could> <reach|exceed|top> {pct} of <GDP|"
            "economic output> <next year|by {year2}>|<retail sales|industrial output|exports|"
            "imports> <slipped|fell|rose|jumped> {pct} <year-on-year|"
            "from a year earlier> in {month}|<ten-year|two-year|benchmark> bond yields <climbed|"
            "rose|jumped|eased> to {pct}"
        ),
    },
    "election": {
        "actor": (
            "the ruling party|opposition parties|the electoral commission|the governing coalition|"
            "the main opposition bloc|nationalist parties|{pa_last}'s allies|{pb_last}'s campaign|"
            "the presidential administration"
        ),
        "act": (
            "<claimed|declared> victory in the <parliamentary|presidential|local|"
            "regional> election|<called|pressed|asked> for a recount in {n_small} <districts|"
            "constituencies|provinces>|<announced|published|"
            "released> preliminary results showing a <tight|close|narrow> race|"
            "accused the government of <vote-rigging|ballot stuffing|intimidating voters|"
            "buying votes>|formed a coalition with {n_small} <smaller|regional|centrist> parties|"
            "<postponed|delayed|suspended> the <second round of voting|runoff|count in {city}>|"
            "<rejected|disputed|refused to recognise> the results as <fraudulent|rigged|"
            "illegitimate>|<disqualified|barred|struck off> {n_small} opposition candidates|"
            "<extended|prolonged> voting <hours|by {n_small} hours> at <polling stations|"
            "some polling stations|schools> in {city}|reported turnout of {pct} by <midday|"
            "mid-afternoon|the evening>|filed a <complaint|legal challenge|"
            "petition> with the constitutional court|<signed|agreed|"
            "initialled> a coalition <agreement|deal|pact>|"
            "called supporters onto the streets of {capital}|<unveiled|presented|"
            "announced> its cabinet line-up|won a majority of seats in {city}|"
            "conceded defeat <late at night|in the early hours|on television>|<demanded|called for|"
            "sought> the resignation of the <electoral commission chief|interior minister|"
            "election officials>|<reported|documented|denounced|complained about> <ballot stuffing|"
            "the intimidation of observers|<long|hours-long> queues at <polling stations|"
            "voting centres>|irregularities in the count|the misuse of state resources|"
            "vote-buying> <in|around|across> {city}"
        ),
        "act_inf": (
            "form a <government|coalition|cabinet>|hold a runoff|recount the ballots|<respect|"
            "accept|recognise> the result|join the coalition|<boycott|skip> the vote|call <early|"
            "snap> elections|challenge the result in court|ensure a peaceful transfer of power|"
            "<reform|rewrite> the electoral law|share power with the opposition|"
            "publish the full results"
        ),
        "issue": (
            "the election results|the coalition talks|voter turnout|the runoff|the electoral law|"
            "allegations of fraud|the recount|the new cabinet|the opposition's demands|"
            "the presidential race|the vote count in {city}"
        ),
        "event": (
            "<Sunday's|last week's|the> vote|the first round of voting|the televised debate|"
            "the disputed recount|the collapse of coalition talks|"
            "the arrest of an opposition <leader|candidate|activist>|the campaign rally in {city}"
        ),
        "concern": (
            "a hung parliament|political paralysis|post-election unrest|allegations of vote-buying|"
            "low turnout|a constitutional crisis|deep polarisation|"
            "foreign interference in the campaign"
        ),
        "group": (
            "voters|opposition supporters|election monitors|students|pensioners|young voters|"
            "party activists|poll workers"
        ),
        "group_act": (
            "queued outside polling stations|rallied in the <main square|city centre|"
            "streets of {city}>|celebrated <in the streets|outside party headquarters>|"
            "marched on the electoral commission|waited for results <through the night|"
            "outside the commission>|staged a sit-in <outside parliament|in the main square>"
        ),
        "dquote": (
            "The people of {country} have <spoken|made their choice>|"
            "This election was <neither free nor fair|a farce|rigged>|We will accept the <results|"
            "outcome>, <whatever they are|good or bad|as democrats>|Every <vote|"
            "ballot> must be counted|This is a victory for <democracy|the people|"
            "all of us> in {country}|We will not <let them|allow anyone to> <steal|"
            "hijack> this <election|vote>|<The country|{^country}> needs a <stable|working|"
            "functioning> government <now|quickly|urgently>|"
            "Our doors are open to <all democratic parties|everyone who shares our values>|"
            "We are ready to govern <from the first day|from tomorrow|immediately>|"
            "The campaign was <marred|overshadowed> by <intimidation|fraud|violence>|The <results|"
            "numbers|figures> from {city} <simply do not add up|make no sense|are impossible>|"
            "We will take to the streets if <we have to|necessary|they force us>"
        ),
        "outcome": (
            "coalition talks could take <weeks|months>|the ruling party would <struggle|"
            "find it hard> to pass <reforms|laws|its agenda> <in parliament|without {pb_last}|>|"
            "a runoff was <all but certain|now inevitable|likely>|the result would be <challenged|"
            "contested> in court|the opposition was gaining ground in <the cities|{city}>|"
            "turnout <in {city}|among young voters|> would be decisive"
        ),
        "bg": (
            "{^pa_last} <has been in power|has ruled|has led the country> since {year}.|<Mass|"
            "Street|Weeks of> protests <followed|broke out after> the <last|previous> <election|"
            "vote> in {year}.|<No party|No single party|Neither bloc> has won an <outright|"
            "absolute> majority <in {country}|> since {year}."
        ),
        "hl": (
            "{pa_last} claims victory in {country} election|"
            "{^cadj} opposition cries foul as results <trickle|come> in|"
            "Tight race in {country} heads for runoff|Protests erupt in {capital} over disputed "
            "vote|{^cadj} coalition talks stall over cabinet posts|"
            "Turnout low as {country} votes in snap election|"
            "{pb_last} refuses to concede as count drags on"
        ),
        "topic_event": (
            "the disputed election|the post-election standoff|the coalition talks|"
            "the presidential race"
        ),
        "gorg": (
            "the OSCE|the European Union|the Carter Center|the African Union|"
            "the Organization of American States"
        ),
        "roles": (
            "President,opposition leader,Prime Minister,electoral commission "
            "chairman,candidate,party spokeswoman,Interior Minister"
        ),
        "torgs": (
            "the electoral commission,the constitutional court,the ruling party,the main "
            "opposition party"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|<final|official> results are <expected|"
            "due> {when_future}|a runoff <between the top two candidates|"
            "between {pa_last} and {pb_last}> is <scheduled|set> for {when_future}|"
            "the new parliament <will convene|is due to meet> {when_future}|"
            "the constitutional court is <due|expected> to rule on the <challenge|"
            "complaint> {when_future}"
        ),
        "stat_fact": (
            "with {pct} of <ballots|votes|precincts> <counted|tallied|processed>, {pa_last} <had|"
            "led with|was on> {pct} <of the vote|>|turnout <was|stood at|reached> {pct} <in {city}|"
            "nationwide|by late afternoon>|the ruling party <was projected|was on course|"
            "was expected> to win {seats_x}|<around|about|more than> {n_big} <observers|"
            "monitors> <watched|monitored|followed> the <vote|count|ballot> <in {city}|"
            "across the country|in {region}>|<more than|about|nearly> {n_big} <ballots|"
            "votes> <were declared invalid|were spoiled|were disputed> <in {city}|nationwide>|"
            "<support for|backing for> the <governing coalition|ruling party|opposition> <stood at|"
            "fell to|rose to> {pct}"
        ),
    },
    "disaster": {
        "actor": (
            "rescue teams|emergency services|the civil protection agency|firefighters|"
            "local authorities|the army|the regional government|aid groups|the interior ministry|"
            "the coast guard|{torg}"
        ),
        "act": (
            "<evacuated|moved|relocated> {n_big} <residents|people|families> from <low-lying areas|"
            "the flood zone|villages near {city}>|<pulled|rescued|"
            "freed> {n_small} survivors from <the rubble|collapsed buildings|the mud>|"
            "declared a state of emergency <in|across> {region}|warned of <further|more|"
            "severe> <flooding|landslides|aftershocks> <downstream of|around|near> {city}|<closed|"
            "shut> <schools|roads|ports> <across|in> {region}|set up <temporary shelters|"
            "field kitchens|tent camps> in {city}|restored <power|water|"
            "phone lines> to parts of {city}|deployed <helicopters|boats|drones> to reach <cut-off|"
            "isolated|stranded> <villages|communities|families>|raised the <death|official|"
            "confirmed> toll to {n_mid}|issued a <red|orange|top-level> alert for <heavy rain|"
            "strong winds|extreme heat>|<suspended|halted> <rail services|flights|"
            "ferry crossings> <across|in> {region}|airlifted <supplies|food|medicine> to <stranded|"
            "isolated> communities|ordered the evacuation of {n_big} homes|<opened|"
            "released water from> <reservoirs|dams> to <relieve|ease> pressure <on dams|downstream|"
            "on river banks>|appealed for <international|foreign|urgent> assistance|"
            "searched <collapsed buildings|flooded homes|the debris> through the night|"
            "<distributed|delivered|flew in|handed out> <blankets and food|drinking water|tents|"
            "medical supplies|generators> <to survivors in {city}|across {region}|to <villages|"
            "towns> cut off by <landslides|floodwater>|to makeshift camps outside {city}>"
        ),
        "act_inf": (
            "rebuild <damaged|destroyed> <homes|schools|bridges>|reach <isolated|remote|"
            "cut-off> villages|restore <electricity|water supplies|power>|compensate <affected|"
            "displaced> families|reopen the main <highway|railway|bridge>|"
            "improve early warning systems|clear the debris|provide clean drinking water|"
            "shore up river defences|relocate families from the flood zone"
        ),
        "issue": (
            "the relief effort|the death toll|reconstruction|compensation for victims|"
            "the evacuation order|emergency funding|the early warning system|"
            "the search for survivors|damage to infrastructure"
        ),
        "event": (
            "the earthquake|the flash floods|the wildfire near {city}|the landslide in {region}|"
            "the storm that hit {city}|the collapse of a dam|the heatwave|the cyclone"
        ),
        "concern": (
            "the risk of disease outbreaks|further aftershocks|more heavy rain|"
            "shortages of clean water|the scale of the destruction|the threat of landslides|"
            "dangerous heat|strong winds fanning the flames"
        ),
        "group": "residents|survivors|rescuers|farmers|tourists|families|villagers|hospital staff",
        "group_act": (
            "slept in <tents|cars|school gyms>|searched for missing relatives|"
            "salvaged what they could from <their homes|the ruins|the mud>|"
            "waded through flooded streets|waited for aid to arrive|queued for drinking water|"
            "formed human chains to <pass|carry> sandbags"
        ),
        "dquote": (
            "We have lost <everything|our house|our harvest>|The water came so <fast|"
            "quickly> <we had no time|nobody could escape|we barely got out>|Our priority <now|"
            "today> is to find <survivors|the missing>|This is the worst <disaster|flood|"
            "fire> {region} has seen in <decades|a generation>|We need more <heavy equipment|"
            "helicopters|rescuers> and we need <it|them> now|Nobody warned us|The next <48|24|"
            "72> hours will be <critical|decisive>|We will rebuild {city}, but it will take <years|"
            "time>|The teams are working <around the clock|day and night|without rest>|"
            "People in {city} are <exhausted|traumatised> and <afraid|angry>"
        ),
        "outcome": (
            "the death toll was <likely|expected> to rise <further|in the coming days|>|"
            "rebuilding <{city}|{region}|> would take <years|a decade>|<climate change|"
            "global warming> was making such <events|disasters> more <frequent|"
            "common> <in {region}|>|{region} was <poorly|"
            "badly> prepared for a disaster <of this scale|of this size|like this>|"
            "more rain would <complicate|hamper|slow> the rescue effort <in {city}|>"
        ),
        "bg": (
            "{^region} was hit by <similar|deadly|severe> <floods|storms|fires> in {year}.|"
            "<Scientists|Experts|Climate researchers> say <climate change|"
            "global warming> is making <extreme weather|such storms|heatwaves> more <frequent|"
            "common|destructive>.|{^country} <sits on|lies along> <several|two|major> fault lines.|"
            "<A prolonged|A severe|Years of> drought <has|had> left <forests|hillsides|"
            "fields> <around|near> {city} <tinder-dry|parched>."
        ),
        "hl": (
            "Death toll rises to {n_mid} after floods in {region}|"
            "Thousands flee as wildfire <nears|approaches> {city}|Rescuers <race|scramble|"
            "search> to find survivors after quake hits {region}|"
            "{^country} declares emergency as storm <batters|hits> coast|"
            "Villages cut off after <landslides|floods> in {region}|"
            "{pa_last} pledges aid for {city} flood victims"
        ),
        "topic_event": (
            "the floods in {region}|the disaster in {region}|the wildfires around {city}|"
            "the aftermath of the earthquake"
        ),
        "gorg": (
            "the Red Cross|the United Nations|the World Health Organization|UNICEF|"
            "the World Food Programme"
        ),
        "roles": (
            "Interior Minister,regional Governor,civil protection chief,Prime Minister,fire "
            "brigade spokesman,Mayor,President"
        ),
        "torgs": (
            "the civil protection agency,the national weather service,the geological survey,the "
            "regional government"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|forecasters expect more <heavy rain|"
            "storms|strong winds> {when_future}|the government <will hold|"
            "has declared> a <national|day of> mourning {when_future}|<parliament|lawmakers> <is|"
            "are> due to <debate|vote on> an emergency <aid|relief> package {when_future}|"
            "schools in {region} are <expected|due> to reopen {when_future}"
        ),
        "stat_fact": (
            "<at least|more than|some> {n_mid} people <were|had been> <killed|confirmed dead|"
            "injured|reported missing> <in|around|near> {city}|<more than|about|"
            "nearly> {n_big} people <had been|were> <evacuated|displaced|moved> <across|in|"
            "from> {region}|<about|some|nearly> {n_big} <homes|buildings|houses|"
            "bridges> <were damaged|were destroyed|had collapsed> <in|around> {city}|<some|about|"
            "more than> {n_big} hectares of <forest|farmland|scrub> <had burned|"
            "were destroyed> <near|around|outside> {city}|<rainfall|precipitation> <in|"
            "around> {city} <reached|hit|topped> {n_mid} millimetres in {n_small} hours|<insured|"
            "economic|total> losses <could|would> <reach|exceed|top> {money}|the <quake|earthquake|"
            "tremor> <had|measured> <a magnitude of|magnitude> {mag} <at a depth of {n_mid} "
            "kilometres|near {city}>"
        ),
    },
    "business": {
        "actor": (
            "3*{company}|the board of {company}|{company2}|{company}'s management|the group|"
            "the company|{company}'s parent company|the {cadj} group|{company2}'s board"
        ),
        "act": (
            "agreed to <buy|acquire|take over> {company2} for {money}|<reported|"
            "posted> a {pct} <drop|fall|rise|jump> in <quarterly|first-half|annual> <profit|"
            "earnings>|announced plans to cut {n_big} jobs <worldwide|in {country}|"
            "over three years>|<raised|lowered|reaffirmed> its full-year <guidance|outlook|"
            "sales forecast>|launched a share buyback worth {money}|<appointed|named|"
            "hired> a new <chief executive|finance chief|chairman>|<delayed|"
            "postponed> the launch of its <flagship product|new model|budget range>|<rejected|"
            "turned down|rebuffed> a takeover <offer|approach|bid> from {company2}|sold its <stake|"
            "holding|shares> in {company2}|warned of <weaker|slowing|softer> demand in {region}|"
            "<suspended|cut|scrapped> its dividend|reached a settlement with <regulators|"
            "the tax authorities|former employees>|announced the closure of its <plant|factory|"
            "warehouse> in {city}|<posted|reported> record revenue of {money}|"
            "issued a profit warning|shelved plans for a <stock market listing|bond issue|"
            "new plant>|<cut|raised|revised|sweetened|withdrew|extended> <its offer for {company2}|"
            "its sales target|its investment plans|the deadline for bids|"
            "its cost-cutting programme> <by {pct}|for the second time|"
            "after pressure from investors|ahead of a shareholder vote|citing {concern}>"
        ),
        "act_inf": (
            "sell the <unit|division|business>|cut costs|<win approval for|complete> the merger|"
            "raise fresh capital|restructure its debt|expand into new markets|"
            "pay a special dividend|reduce its workforce|list its shares in {city}|<revisit|"
            "improve|withdraw> the offer|review the contract"
        ),
        "issue": (
            "the takeover bid|the merger|job cuts|the restructuring plan|quarterly earnings|"
            "{company}'s share price|executive pay|the antitrust review|the supply chain|"
            "the debt pile"
        ),
        "event": (
            "the takeover battle|the profit warning|the boardroom shake-up|the failed merger talks|"
            "the plant closure|the data breach|the product recall"
        ),
        "concern": (
            "slowing demand|rising input costs|supply chain disruption|higher interest rates|"
            "competition from cheaper rivals|regulatory scrutiny|a weaker outlook|"
            "the company's debt burden"
        ),
        "group": (
            "employees|shareholders|customers|suppliers|analysts|dealers|pension holders|"
            "union members"
        ),
        "group_act": (
            "sold <shares|their stakes>|protested outside the <headquarters|plant|offices>|"
            "voted against the <pay package|remuneration report|deal>|staged a <walkout|protest>|"
            "demanded guarantees on jobs|lined up outside the <stores|branches>"
        ),
        "dquote": (
            "This is the right deal <at the right time|for our shareholders|for {city}>|"
            "We are <disappointed|surprised> by the <decision|ruling|vote>|"
            "Our balance sheet remains <strong|robust|healthy>|These are <difficult|"
            "painful> but necessary decisions|We see <significant|huge|"
            "real> growth opportunities in {region}|The offer <substantially|significantly|"
            "grossly> undervalues {company}|We will <continue to|"
            "> engage constructively with regulators|Customers will benefit from <lower prices|"
            "better service>|The <next few|coming> <quarters|months> will be <challenging|tough|"
            "difficult>|We remain <committed|loyal> to our <employees|staff|workers> in {city}"
        ),
        "outcome": (
            "the deal would face <tough|close|lengthy> scrutiny from regulators <in {country}|"
            "in Brussels|>|{company} might <raise|improve> its offer|more job cuts were <likely|"
            "possible|coming> <at {company}|in {city}|>|the shares were <undervalued|cheap>|"
            "the <merger|deal> would create a <regional|national> champion|"
            "the outlook for the sector remained <weak|poor|uncertain>"
        ),
        "bg": (
            "{^company} was founded in {year} <and|,> <listed its shares|"
            "went public> in {city} in {year2}.|{^company} has struggled since {year}, when <a "
            "string of acquisitions|an ill-fated expansion|a failed merger> left it <heavily|"
            "deeply> indebted.|{^company2} <rejected|rebuffed> an earlier <approach|"
            "offer> from {company} in {year}."
        ),
        "hl": (
            "{^company} to cut {n_big} jobs as profit slumps|"
            "{^company} agrees {money} deal for {company2}|"
            "{^company} shares tumble after profit warning|"
            "Regulators open probe into {company} takeover|"
            "{^company2} rejects {company} bid as too low|{^company} names new CEO amid {concern}"
        ),
        "topic_event": (
            "the takeover battle for {company2}|the restructuring at {company}|the {company} deal"
        ),
        "gorg": (
            "the European Commission|the stock exchange|the financial regulator|"
            "the competition authority"
        ),
        "roles": (
            "chief executive,chief financial officer,chairman,analyst,union representative,Economy "
            "Minister,founder"
        ),
        "torgs": (
            "the competition authority,the financial regulator,the works council,the trade union"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|shareholders will vote on the <deal|"
            "offer|merger> {when_future}|{company} <will|is due to> report <full-year|quarterly|"
            "half-year> results {when_future}|regulators are <expected|due> to <rule|"
            "decide> on the merger {when_future}|talks with unions are <due|"
            "expected> to resume {when_future}"
        ),
        "stat_fact": (
            "shares in {company} <fell|dropped|slumped|rose|jumped> {pct} in <early|morning|"
            "afternoon|late> trading|net profit <fell|rose|dropped|"
            "slumped> to {money} in the <quarter|half-year|year>|revenue <rose|grew|"
            "fell> {pct} to {money}, <beating|missing|in line with> <forecasts|expectations|"
            "estimates>|{company} <employs|has> <about|some|more than> {n_big} <people|staff|"
            "workers> <in {n_mid} countries|in {country}|worldwide>|the <deal|offer|bid> <values|"
            "valued> {company2} at {money}<, including debt|>|{company}'s order <backlog|"
            "book> <stood at|reached|rose to> {money}"
        ),
    },
    "courts": {
        "actor": (
            "prosecutors|the court|the judge|the supreme court|the prosecutor's office|"
            "investigators|police|the appeals court|anti-corruption investigators|the trial court"
        ),
        "act": (
            "charged {n_small} <people|officials|executives> with <fraud|bribery|money laundering|"
            "abuse of office>|sentenced the former <minister|mayor|"
            "governor> to {n_small} years in prison|<acquitted|"
            "cleared> the defendant of <all charges|fraud|the main charge>|"
            "opened an investigation into <the contracts|the tender|the payments|"
            "the sale of state land>|<rejected|dismissed|threw out> the appeal|"
            "ordered the release of the <journalist|activist|businessman>|"
            "raided the offices of {company}|requested a prison sentence of {n_small} years|"
            "upheld the conviction|<postponed|adjourned> the hearing until {month}|"
            "issued an arrest warrant for <the businessman|a former minister|"
            "the company's founder>|froze assets worth {money}|"
            "dismissed the case for lack of evidence|summoned the former <prime minister|"
            "finance minister|mayor> for questioning|ruled the law unconstitutional|<questioned|"
            "detained|indicted|placed under house arrest|"
            "released on bail> <a former deputy minister|{n_small} suspects|"
            "the head of the state railway|two senior police officers|"
            "a prominent businessman> <over the procurement scandal|"
            "in connection with the bribery case|after a months-long inquiry|"
            "as part of the fraud investigation>"
        ),
        "act_inf": (
            "appeal the verdict|drop the charges|extradite the suspect|reopen the investigation|"
            "release the detainees|hear the case|grant bail|<call|hear> new witnesses|"
            "seize the assets|review the evidence"
        ),
        "issue": (
            "the corruption case|the verdict|the appeal|the extradition request|"
            "the bribery allegations|the trial|the charges|the judicial reform|the court ruling"
        ),
        "event": (
            "the arrest of the former minister|the opening of the trial|the guilty verdict|"
            "the raid on the ministry|the leak of the court documents"
        ),
        "concern": (
            "political interference in the judiciary|a miscarriage of justice|delays in the case|"
            "the independence of the courts|the treatment of detainees|"
            "corruption at the highest levels"
        ),
        "group": (
            "supporters of the defendant|relatives of the victims|lawyers|activists|journalists|"
            "protesters"
        ),
        "group_act": (
            "gathered outside the courthouse|wept as the verdict was read|"
            "chanted slogans outside the <court|building>|filled the public gallery|held a vigil"
        ),
        "dquote": (
            "Justice has been <served|done> <today|at last|in {city}>|This <verdict|ruling|"
            "case> is <politically motivated|a political vendetta>|"
            "My client is innocent and we will <appeal|fight on|prove it>|"
            "Nobody is above the law <in {country}|here>|We have <full|"
            "complete> confidence in <the courts|the judges|the process>|"
            "The evidence <speaks for itself|is overwhelming>|This is a <dark|sad|"
            "black> day for <the rule of law|justice|{country}>|"
            "The families in {city} waited <years|so long|{n_small} years> for this <moment|day|"
            "verdict>"
        ),
        "outcome": (
            "the appeal could take <years|months|until {year2}>|the ruling <would|"
            "could> set a <precedent|benchmark> for <other cases|similar cases|{country}>|"
            "the case had been <weakened|undermined|damaged> by <procedural errors|"
            "mistakes by investigators|leaks>|the verdict would <embolden|encourage> <prosecutors|"
            "investigators> <in {city}|across {country}|>|the <case|trial|"
            "proceedings> would take <years|months> to <resolve|conclude>"
        ),
        "bg": (
            "<The case|The investigation|The affair> <dates back|"
            "goes back> to {year}, when <auditors|inspectors|journalists> <flagged|found|"
            "exposed> irregularities <in public tenders|in state contracts|at the ministry>.|"
            "{^pa_last} <has denied|denies> <all the charges|wrongdoing|the accusations>.|<Several|"
            "Two|Three> <officials|ministers|executives> linked to the case <resigned|stepped down|"
            "were dismissed> in {year}."
        ),
        "hl": (
            "Former minister jailed for {n_small} years in {country} graft case|"
            "{^cadj} court upholds verdict against {pa_last}|"
            "Prosecutors seek jail term for {pa_last}|Trial of {pb_last} opens in {capital}|"
            "{^cadj} court frees journalist after {n_mid} days"
        ),
        "topic_event": "the corruption trial|the case against {pa_last}|the bribery scandal",
        "gorg": (
            "Amnesty International|Human Rights Watch|the European Court of Human Rights|"
            "Transparency International"
        ),
        "roles": (
            "Judge,chief prosecutor,defence lawyer,Justice Minister,former "
            "minister,businessman,court spokeswoman"
        ),
        "torgs": (
            "the prosecutor's office,the supreme court,the justice ministry,the anti-corruption "
            "agency"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|the appeal hearing is <scheduled|"
            "set> for {when_future}|the verdict is <expected|due> {when_future}|"
            "the trial will resume {when_future}|the <supreme|"
            "appeals> court will hear the case {when_future}"
        ),
        "stat_fact": (
            "<the defendants|the accused|the suspects> <are accused of|allegedly> <embezzling|"
            "siphoning off|misappropriating> {money} <from state contracts|through shell companies|"
            "via offshore accounts>|<more than|about|nearly> {n_mid} <witnesses|experts|"
            "officials> <have testified|were questioned|will testify> <since {month}|in the case|"
            "at the trial>|{pa_last} <faces|could face|risks> up to {n_small} years <in prison|"
            "behind bars>|the <scheme|network|operation> <involved|used|"
            "relied on> {n_mid} <shell companies|front firms|"
            "bank accounts> <in {n_small} countries|abroad|in {region}>"
        ),
    },
    "health": {
        "actor": (
            "the health ministry|health officials|the disease control agency|the government|"
            "regional authorities|the medicines regulator|{torg}"
        ),
        "act": (
            "reported {n_mid} new cases of the <virus|disease|infection>|"
            "declared an outbreak in {region}|launched a <vaccination|testing|"
            "awareness> campaign in {city}|imposed restrictions on <public gatherings|travel|"
            "large events>|approved a new <vaccine|treatment|antiviral drug> for <emergency|"
            "limited|hospital> use|confirmed the first <death|fatality> <from the disease|"
            "in {city}|in {region}>|reopened schools after a <two-week|month-long> closure|"
            "ordered hospitals to postpone <non-urgent surgery|routine appointments>|"
            "began testing all arrivals at the <airport|border|port>|"
            "extended the state of health emergency|sent medical teams to {region}|"
            "recalled a batch of <contaminated|faulty> medicine|raised its alert level|<set up|"
            "opened|equipped|staffed|converted> <field hospitals|isolation wards|testing centres|"
            "mobile clinics> <in {city}|across {region}|near the border|in the worst-hit districts>"
        ),
        "act_inf": (
            "vaccinate health workers|contain the outbreak|reopen schools|lift the restrictions|"
            "increase testing|hire more nurses|secure more doses|trace contacts|close the markets"
        ),
        "issue": (
            "the vaccination campaign|hospital capacity|the outbreak|the restrictions|"
            "drug shortages|testing|waiting lists|the health budget"
        ),
        "event": (
            "the first confirmed case|the spike in infections|the death of a nurse|"
            "the closure of schools|the vaccine shortage"
        ),
        "concern": (
            "overcrowded hospitals|a shortage of medicines|a second wave of infections|"
            "vaccine hesitancy|the spread of the disease to {city}|exhausted medical staff"
        ),
        "group": "patients|nurses|doctors|parents|health workers|pharmacists|the elderly",
        "group_act": (
            "queued for vaccines|protested over pay and conditions|waited hours to be seen|"
            "volunteered at testing centres|kept their children at home"
        ),
        "dquote": (
            "We are doing <everything we can|all we can> to <contain|slow|"
            "stop> the spread <in {city}|in {region}|>|The hospitals in {city} are <full|"
            "overwhelmed|at capacity>|There is no need for <panic|alarm> <in {city}|among parents|"
            ">|Vaccination remains our best <defence|protection|weapon>|Our <staff|nurses|"
            "doctors> are at breaking point|We need the public's <cooperation|help|patience>|"
            "We were warned about this <and did nothing|months ago|in {month}>"
        ),
        "outcome": (
            "cases would keep rising <for weeks|for a month|until {month}>|the <restrictions|"
            "measures|curbs> had come too late <for {city}|>|the health system <in {region}|"
            "in {city}|> could be overwhelmed <within weeks|by {month}|>|"
            "the outbreak could be brought under control <by {month}|within weeks|if {cond}>"
        ),
        "bg": (
            "{^country} <recorded|suffered> a similar outbreak in {year}.|"
            "The health system <in {country}|in {region}|> has been <underfunded|"
            "neglected> for <years|decades|a decade>, <unions|doctors|critics> say.|"
            "The disease spreads through <contaminated water|close contact|"
            "contaminated food>, <experts|doctors|officials> say."
        ),
        "hl": (
            "{^country} reports {n_mid} new cases as outbreak spreads|"
            "Hospitals in {city} stretched as infections rise|"
            "{^country} launches mass vaccination drive|{pa_last} defends handling of outbreak|"
            "Nurses strike over conditions in {city} hospitals"
        ),
        "topic_event": "the outbreak in {region}|the health crisis|the vaccination drive",
        "gorg": "the World Health Organization|UNICEF|Doctors Without Borders|the Red Cross",
        "roles": (
            "Health Minister,chief medical officer,Prime Minister,epidemiologist,hospital "
            "director,nurses' union leader,Mayor"
        ),
        "torgs": (
            "the health ministry,the disease control agency,the medicines regulator,the regional "
            "health authority"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|"
            "the government will review the restrictions {when_future}|a <second|"
            "new> batch of vaccines is due to arrive {when_future}|"
            "experts from {org} are expected in {capital} {when_future}"
        ),
        "attrib2": "data from|figures from|a report by",
        "stat_fact": (
            "<the number of|the tally of> <confirmed|recorded|reported> cases <rose|climbed|"
            "jumped> to {n_big}, with {n_mid} deaths|<about|some|nearly> {pct} of <adults|"
            "residents|health workers> <had received|have had> at least one dose|"
            "hospitals in {city} <were|are> <operating|running> at {pct} of capacity|"
            "the disease <had spread|has spread> to {n_small} <provinces|regions|"
            "districts> <since {month}|within weeks>"
        ),
    },
    "energy": {
        "actor": (
            "the energy ministry|the state oil company|the grid operator|the government|{company}|"
            "{torg}|energy officials"
        ),
        "act": (
            "agreed to <cut|reduce|lower|raise> <oil|crude> <output|"
            "production> <by {n_big} barrels per day|from {month}|for {n_small} months>|<halted|"
            "suspended|cut> gas supplies through the <pipeline|northern pipeline|main pipeline>|"
            "raised electricity tariffs by {pct}|signed a {money} deal to build a new <LNG "
            "terminal|power plant|pipeline>|shut a nuclear reactor <near {city}|in {region}|"
            "> for <safety checks|maintenance|repairs>|announced rolling blackouts in {city}|"
            "approved new <offshore|onshore> drilling licences|capped retail <gas|electricity|"
            "fuel> prices|restarted a <coal-fired|gas-fired|mothballed> power plant <near {city}|"
            "in {region}|>|<discovered|found|announced> a <large|major|"
            "promising> gas field <off the coast|in {region}|near {city}>|imposed a <windfall|"
            "one-off|special> tax on <energy companies|oil producers|utilities>|"
            "delayed the phase-out of coal|<cut|boosted|suspended|resumed|doubled|"
            "rationed> <gas deliveries to {country2}|fuel imports|power exports|crude shipments|"
            "subsidies for households> <from next month|with immediate effect|for the winter|"
            "until further notice|after a dispute over payments>"
        ),
        "act_inf": (
            "secure gas supplies for the winter|cut emissions|diversify energy imports|"
            "build new nuclear plants|lower fuel prices|expand renewable capacity|avoid blackouts|"
            "renegotiate the gas contract"
        ),
        "issue": (
            "gas prices|the pipeline|energy security|the emissions target|the gas contract|"
            "fuel subsidies|the nuclear programme|power shortages"
        ),
        "event": (
            "the pipeline explosion|the gas cut-off|the blackout in {city}|the OPEC meeting|"
            "the refinery fire"
        ),
        "concern": (
            "a winter energy crunch|soaring electricity bills|fuel shortages|supply disruptions|"
            "climate targets slipping out of reach|volatile oil prices"
        ),
        "group": "households|factories|motorists|farmers|energy traders|small businesses",
        "group_act": (
            "queued at petrol stations|protested against higher bills|stockpiled firewood|"
            "cut production to save energy"
        ),
        "dquote": (
            "We will not let {country2} use <energy|gas> as a weapon|There will be enough <gas|"
            "fuel|power> for the winter|Prices at these levels are <simply|"
            "clearly> unsustainable <for {city}|for industry|>|"
            "We cannot switch off coal <overnight|in a year|by {year2}>|This deal <secures|"
            "guarantees> our energy <independence|security> <for years|until {year2}|>|"
            "Households in {city} cannot <pay|afford> these bills"
        ),
        "outcome": (
            "prices would stay high <through the winter|for months|until {month}>|"
            "the cuts would tighten <global|regional> supplies|rationing <could not be ruled out|"
            "was possible|loomed> <in {region}|this winter|>|the <transition|"
            "shift> away from coal would be <delayed|slower than planned> <by years|in {country}|>"
        ),
        "bg": (
            "{^country} <relies on|depends on> imports <for most of its|"
            "to meet much of its> <energy|gas> <needs|demand>.|The <pipeline|terminal|"
            "plant>, <completed|opened|built> in {year}, <carries|handles|supplies> <a third|half|"
            "much> of <{country}'s|the region's> gas.|Energy prices <in {country}|"
            "> have more than <doubled|tripled> since {year}."
        ),
        "hl": (
            "{^country} halts gas flows to {country2} in payment row|"
            "Energy prices soar as {company} cuts output|"
            "{^country} caps power prices as bills climb|Blackouts hit {city} as demand peaks|"
            "{pa_last} signs {money} gas deal"
        ),
        "topic_event": (
            "the gas dispute with {country2}|the energy crisis|the row over the pipeline"
        ),
        "gorg": "OPEC|the International Energy Agency|the European Commission|the World Bank",
        "roles": (
            "Energy Minister,chief executive,Prime Minister,oil analyst,grid operator "
            "spokesman,President,climate envoy"
        ),
        "torgs": "the energy ministry,the grid operator,the state oil company,the energy regulator",
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|OPEC ministers meet again {when_future}|"
            "the new terminal is due to open {when_future}|"
            "parliament will vote on the price cap {when_future}"
        ),
        "stat_fact": (
            "<benchmark Brent crude|oil prices|gas prices> <rose|fell|climbed|slipped|"
            "jumped> {pct} <on the day|{when}|this week>|<gas storage|storage facilities|"
            "reservoirs> <were|stood> {pct} full <in {region}|nationwide|>|{country} <imports|"
            "buys> <about|some|nearly> {pct} of its <gas|oil|electricity> from {country2}|"
            "<electricity|power> demand <hit|reached|topped> a record {n_big} megawatts <in {city}|"
            "nationwide>"
        ),
    },
    "labour": {
        "actor": (
            "3*unions|workers|protesters|transport unions|teachers|doctors|students|"
            "farmers' groups|the main union federation"
        ),
        "act": (
            "called a <nationwide|general|48-hour|rolling> strike|walked out over <pay|pensions|"
            "working hours>|blocked major roads <around|into> {capital}|<rejected|"
            "turned down> the government's <pay offer|latest proposal|compromise>|"
            "reached a <tentative|preliminary> agreement|clashed with police <in {city}|"
            "outside parliament|near the ministry>|said police had detained {n_mid} <protesters|"
            "activists|strikers>|announced a {pct} increase in the minimum wage|"
            "extended the strike for another <week|month|two days>|marched through central {city}|"
            "suspended talks with the unions|occupied the ministry building|<halted|disrupted|"
            "paralysed|shut down|slowed> <rail services|port operations|flights|bus and tram lines|"
            "hospital services|refineries> <across the country|in {city}|for a third day|"
            "around {capital}|in {region}>"
        ),
        "act_inf": (
            "raise wages|end the strike|return to work|negotiate with the unions|"
            "withdraw the pension reform|guarantee minimum services|ban the protests|"
            "meet the strikers"
        ),
        "issue": (
            "the pension reform|wages|working hours|the minimum wage|job security|the labour law|"
            "the strike|public sector pay"
        ),
        "event": (
            "the general strike|the mass rally in {city}|the clashes with police|"
            "the collapse of wage talks"
        ),
        "concern": (
            "the rising cost of living|further disruption|violence at the protests|"
            "economic damage from the strikes|a long stand-off"
        ),
        "group": "commuters|strikers|teachers|nurses|dockworkers|students|parents",
        "group_act": (
            "waited for hours at stations|joined the picket lines|marched to parliament|"
            "blocked the entrance to the port|banged pots and pans"
        ),
        "dquote": (
            "We will not back down until our demands are met|"
            "Workers in {city} cannot live on <these wages|{pct} raises>|The door to <negotiations|"
            "talks|dialogue> <is open|remains open>|This strike is hurting <ordinary people|"
            "families in {city}|small businesses>|The reform is <unfair|unjust> and <unnecessary|"
            "unpopular>|We have been patient for <too long|{n_small} years|months>"
        ),
        "outcome": (
            "the strike could last <weeks|months|until {month}>|"
            "the government would be forced to <compromise|back down|negotiate>|"
            "public support for the strikers was <waning|fading|holding up>|the reform would <pass|"
            "survive> despite the <protests|strikes>"
        ),
        "bg": (
            "Real wages in {country} have fallen <by {pct}|"
            "sharply> since {year}, <union figures show|according to {source}>.|<A general strike|"
            "The last national strike|A {n_small}-day stoppage> in {year} <shut down|paralysed|"
            "brought to a halt> <much of the country|most public services|{city}>.|The <reform|"
            "bill|plan> <would|will> raise the retirement age <from {n_small_age} to "
            "{n_small_age2}|by {n_small} years>."
        ),
        "hl": (
            "Strike paralyses {city} as unions reject pay offer|"
            "Thousands march in {capital} against pension reform|"
            "{pa_last} refuses to back down as strikes spread|"
            "Police clash with protesters in {city}|{^cadj} unions call general strike"
        ),
        "topic_event": (
            "the strike wave|the dispute over the pension reform|"
            "the protests against the government"
        ),
        "gorg": "the International Labour Organization|the European Commission|the IMF",
        "roles": (
            "Labour Minister,union leader,Prime Minister,police spokesman,employers' federation "
            "head,President,Transport Minister"
        ),
        "torgs": (
            "the labour ministry,the main union federation,the employers' federation,the rail "
            "operator"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|"
            "unions have called another day of action {when_future}|"
            "talks are set to resume {when_future}|parliament will debate the reform {when_future}"
        ),
        "stat_fact": (
            "<unions|organisers> <said|claimed> {n_big} people <joined|took part in> the <march|"
            "protest|rally> in {city}|the <strike|walkout|stoppage> <has cost|"
            "was costing> the economy <about|some|more than> {money} a day|<about|nearly|"
            "some> {pct} of <trains|flights|buses> were cancelled <in {city}|nationwide|"
            "across {region}>"
        ),
    },
    "tech": {
        "actor": (
            "regulators|lawmakers|the data protection authority|the competition watchdog|"
            "the government|the telecoms regulator|{torg}"
        ),
        "act": (
            "fined {company} {money} for <breaching privacy rules|abusing its dominance|"
            "misleading users>|opened <an antitrust|a privacy|"
            "a consumer protection> probe into {company}|"
            "passed a law regulating <artificial intelligence|social media|online platforms>|"
            "ordered {company} to hand over user data|banned the app on government devices|"
            "disclosed a data breach affecting {n_big} users|"
            "launched a new artificial intelligence model|blocked access to the platform|"
            "agreed to change its app store rules|suspended the rollout of the feature in "
            "{country}|<restricted|audited|investigated|approved|"
            "delayed> <the use of facial recognition|data transfers to {country2}|"
            "the merger with {company2}|the new chip plant|"
            "the rollout of 5G networks> <over security concerns|pending a review|"
            "after a complaint by {company2}|following a court order>"
        ),
        "act_inf": (
            "protect user data|comply with the ruling|open its platform to rivals|appeal the fine|"
            "regulate artificial intelligence|restore the service|pay the fine"
        ),
        "issue": (
            "data privacy|the fine|the antitrust case|online content rules|the AI law|the ban|"
            "cybersecurity"
        ),
        "event": (
            "the data breach|the outage|the court ruling|the leak of internal documents|"
            "the cyberattack on {org}"
        ),
        "concern": (
            "privacy risks|market dominance|disinformation|cyberattacks|job losses from automation"
        ),
        "group": "users|developers|advertisers|small businesses|parents|security experts",
        "group_act": (
            "deleted their accounts|switched to rival apps|filed complaints|signed a petition"
        ),
        "dquote": (
            "Nobody is above the law, including <big tech|{company}>|We will appeal this decision|"
            "Our users' privacy is our <top|highest> priority|This law will <stifle|kill|"
            "slow> innovation <in {country}|>|The platform has become too <powerful|big|"
            "dominant> to ignore"
        ),
        "outcome": (
            "other regulators would follow <suit|{country}'s lead|>|"
            "the case would take years to resolve|the fine would barely dent <the company's "
            "profits|its earnings|{company}'s results>|the rules could reshape the <industry|"
            "sector|market> <in {country}|>"
        ),
        "bg": (
            "{^company} has faced <several|multiple|repeated> <investigations|probes|"
            "lawsuits> in {country} since {year}.|The European Union adopted <similar|comparable|"
            "tougher> rules in {year}."
        ),
        "hl": (
            "{^country} fines {company} {money} over privacy breaches|"
            "{^company} hit by antitrust probe in {country}|{^country} passes sweeping AI law|"
            "Data breach exposes {n_big} {company} users"
        ),
        "topic_event": (
            "the case against {company}|the row over data privacy|the crackdown on big tech"
        ),
        "gorg": "the European Commission|the OECD|the UN|the European Data Protection Board",
        "roles": (
            "Digital Minister,chief executive,data protection commissioner,cybersecurity "
            "expert,President,founder,regulator chair"
        ),
        "torgs": (
            "the data protection authority,the competition watchdog,the telecoms regulator,the "
            "cybersecurity agency"
        ),
        "dnext": (
            "{^org} <will|is due to|is expected to> <meet|convene|report back> {when_future}|"
            "<a decision|a final decision|a ruling|a vote> on {issue} is <expected|due|"
            "likely> {when_future}|<talks|consultations|negotiations> on {issue} <are set to|will|"
            "could> <resume|continue|begin> {when_future}|the company has {n_mid} days to comply|"
            "the law takes effect {when_future}|a court will hear the appeal {when_future}"
        ),
        "stat_fact": (
            "{company} <has|counts> <about|some|more than> {n_big} users in {country}|"
            "the fine <is equivalent to|represents|amounts to> {pct} of <the company's|"
            "{company}'s> <annual turnover|global revenue>|complaints to the regulator <rose|"
            "jumped|climbed> {pct} <last year|in {year}> to {n_big}"
        ),
    },
}

_DOMAIN_NAMES = sorted(_DOMAINS)

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "noted", "added"),
    "told": ("informed",),
    "about": ("around", "roughly", "some"),
    "more": ("over",),
    "began": ("started",),
    "rose": ("climbed", "increased"),
    "fell": ("dropped", "declined"),
    "big": ("large",),
    "warned": ("cautioned",),
    "rejected": ("dismissed",),
    "announced": ("unveiled", "revealed"),
    "people": ("persons",),
    "residents": ("inhabitants", "locals"),
    "officials": ("authorities",),
    "talks": ("negotiations",),
    "help": ("assist",),
    "expected": ("set", "due"),
    "country": ("nation",),
    "also": ("further",),
    "but": ("yet",),
    "after": ("following",),
    "killed": ("left dead",),
    "plans": ("intends",),
    "new": ("fresh",),
    "later": ("afterwards",),
    "still": ("yet",),
    "accused": ("charged",),
    "urged": ("called on",),
    "amid": ("among",),
    "since": ("after",),
    "week": ("seven days",),
    "lawmakers": ("legislators", "MPs"),
    "statement": ("communique",),
    "reporters": ("journalists",),
    "journalists": ("reporters",),
    "government": ("administration",),
    "attack": ("assault",),
    "crisis": ("emergency",),
    "deal": ("agreement",),
}
_INSERTABLE = ("also", "now", "reportedly", "further", "still", "officially", "recently", "again")
_INSERT_BEFORE = frozenset(
    "said told was were would could had has have is are will announced warned called".split()
)
_DELETABLE = frozenset("also very still now just further already recently again".split())


def _split_top(text: str) -> list[str]:
    """Split on "|" outside <...> and [...] groups."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "<[":
            depth += 1
        elif c in ">]":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _parse_rule(
    text: str, anon: dict[str, tuple[tuple[str, ...], ...]], vary: bool = False
) -> tuple[tuple[str, ...], ...]:
    """Alternatives of a rule as (literal, symbol, literal, ...) tuples; inline
    groups ``<a|b>`` and optional parts ``[a]`` become rules in ``anon``."""
    alternatives: list[tuple[str, ...]] = []
    for alt in _split_top(text):
        weight = 1
        m = re.match(r"(\d+)\*", alt)
        if m:
            weight, alt = int(m.group(1)), alt[m.end() :]
        buf: list[str] = []
        i = 0
        while i < len(alt):
            c = alt[i]
            if c not in "<[":
                buf.append(c)
                i += 1
                continue
            depth, j = 0, i
            while True:
                if alt[j] in "<[":
                    depth += 1
                elif alt[j] in ">]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            name = f"_g{len(anon)}"
            inner = alt[i + 1 : j]
            anon[name] = ()  # reserve the name before nested groups
            anon[name] = _parse_rule(inner + "|" if c == "[" else inner, anon, vary)
            buf.append("{" + name + "}")
            i = j + 1
        text_ = "".join(buf)
        if vary:
            pieces = re.split(r"(\{\^?[a-z_0-9]+\})", text_)
            text_ = "".join(p if p.startswith("{") else _vary_literal(p, anon) for p in pieces)
        parts = tuple(re.split(r"\{(\^?[a-z_0-9]+)\}", text_))
        alternatives.extend([parts] * weight)
    return tuple(alternatives)


# Interchangeable words: inside grammar literals each becomes a choice, so
# that fixed phrases vary from article to article (first entry most likely).
_VARIANTS = [
    v.split("|")
    for v in (
        "talks|negotiations|discussions deal|agreement plan|proposal|scheme "
        "officials|authorities warned|cautioned announced|unveiled rejected|dismissed|rebuffed "
        "criticised|condemned|slammed vowed|pledged|promised began|started "
        "launched|began|started rose|climbed|increased fell|dropped|declined despite|despite|in "
        "spite of immediately|immediately|yet sharply|steeply|markedly troops|soldiers|forces "
        "region|area crisis|crisis|emergency situation|situation|picture decision|move "
        "major|big|key|significant large|big|sizeable new|new|fresh several|several|a number of "
        "warning|warning|alert urgent|urgent|pressing fears|concerns|worries risk|danger|threat "
        "due|due|scheduled poorly|badly prepared|prepared|equipped unlikely|unlikely|not "
        "expected resume|resume|restart reform|reform|overhaul weeks|weeks|some weeks "
        "months|months|several months years|years|several years later|later|subsequently "
        "again|again|once more ordered|ordered|instructed demanded|demanded|called for "
        "forced|forced|compelled protests|protests|demonstrations strikers|strikers|workers "
        "outbreak|outbreak|epidemic restrictions|restrictions|curbs|measures "
        "profits|profits|earnings transition|transition|shift delayed|delayed|postponed|pushed "
        "back officially|officially|formally quickly|quickly|rapidly|swiftly "
        "strong|strong|robust difficult|difficult|tough|hard serious|serious|grave "
        "huge|huge|enormous urged|urged|pressed worse|worse|more serious tense|tense|volatile "
        "fragile|fragile|shaky|precarious progress|progress|headway leaders|leaders|chiefs "
        "residents|residents|locals|inhabitants important|important|crucial|vital "
        "government|government|administration|authorities ministry|ministry|department "
        "regulator|regulator|watchdog company|company|firm dispute|dispute|row "
        "ready|ready|prepared main|main|principal latest|latest|most recent "
        "rising|rising|climbing|mounting suspended|suspended|halted reached|reached|struck "
        "services|services|operations reopen|reopen|restart restore|restore|re-establish "
        "secure|secure|obtain withdraw|withdraw|pull back meeting|meeting|session "
        "families|families|households shortages|shortages|scarcity closure|closure|shutdown "
        "outlook|outlook|prospects blocked|blocked|barred extended|extended|prolonged "
        "investigation|investigation|inquiry|probe allegations|allegations|accusations "
        "criticism|criticism|condemnation welcomed|welcomed|hailed barely|barely|hardly "
        "become|become|turned into happened|happened|occurred deepen|deepen|worsen "
        "reduce|reduce|cut negotiate|negotiate|bargain discussed|discussed|debated "
        "approved|approved|endorsed imposed|imposed|introduced declared|declared|proclaimed "
        "hospitals|hospitals|clinics recent|recent|latest across|across|throughout"
    ).split()
]
_VARIANT_OF = {v[0]: tuple(v) for v in _VARIANTS}


def _vary_literal(lit: str, anon: dict[str, tuple[tuple[str, ...], ...]]) -> str:
    """Turn the interchangeable words of a literal into inline choices."""
    if not any(w in _VARIANT_OF for w in re.findall(r"[a-z]+", lit)):
        return lit
    out = []
    tokens = re.split(r"([a-z]+)", lit)
    for i, token in enumerate(tokens):
        variants = _VARIANT_OF.get(token)
        after = tokens[i + 1][:1] if i + 1 < len(tokens) else ""
        if variants is None or after in ("'", "’", "-") or (i and tokens[i - 1][-1:] == "-"):
            out.append(token)
            continue
        name = f"_v_{token}"
        if name not in anon:
            anon[name] = tuple((v,) for v in variants)
        out.append("{" + name + "}")
    return "".join(out)


_ANON: dict[str, tuple[tuple[str, ...], ...]] = {}


def _compile(rules: Mapping[str, str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    return {
        k: _parse_rule(v, _ANON, vary=True) for k, v in rules.items() if k not in ("roles", "torgs")
    }


_BASE_COMPILED = _compile(_BASE)
_DOMAIN_COMPILED = {name: {**_BASE_COMPILED, **_compile(d)} for name, d in _DOMAINS.items()}
for _rules in _DOMAIN_COMPILED.values():
    _rules.update(_ANON)


def _leaves(rules: Mapping[str, tuple[tuple[str, ...], ...]]) -> dict[str, tuple[str, ...]]:
    """Rules whose alternatives are all plain text: expanded without recursion."""
    return {
        k: tuple(a[0] for a in alts)
        for k, alts in rules.items()
        if k not in _NO_REPEAT and all(len(a) == 1 for a in alts)
    }


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------

Key = tuple[str, Any]


@dataclass(slots=True)
class Unit:
    """One piece of text: a sentence, dateline, headline, credit or chrome line.

    ``key`` is the identity of the place the text was first written (None for
    site chrome, which is no one's content); ``glue`` is the separator after
    the unit when it must stay on its line (a dateline before its sentence),
    ``before`` overrides the separator before it (a closing quote mark).
    """

    text: str
    key: Key | None
    glue: str | None = None
    before: str | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Person:
    title: str
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.title} {self.first} {self.last}"


@dataclass(slots=True)
class Outlet:
    index: int
    name: str
    host: str
    agency: bool
    chrome: float
    header: tuple[str, ...]
    mid: tuple[str, ...]
    footer: tuple[str, ...]
    layout: str
    strip_apostrophes: bool
    quotes: str  # "curly", "straight" or "keep"
    date_style: int
    repeat_headline: int


@dataclass(slots=True)
class Topic:
    index: int
    domain: str
    rules: dict[str, tuple[tuple[Op, ...], ...]]
    leaves: dict[str, tuple[str, ...]]
    people: list[Person]
    when: datetime
    country: str
    cities: tuple[str, ...]
    tags: tuple[str, ...]
    used: set[str] = field(default_factory=set)
    headlines: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Doc:
    id: str
    kind: str
    outlet: Outlet
    when: datetime
    title: str
    paras: list[list[Unit]]
    title_key: Key | None = None
    layout: str = "paragraphs"
    parents: tuple[str, ...] = ()
    transforms: tuple[str, ...] = ()
    root: str = ""  # the wire this document's copied text comes from
    text: str = ""
    units: list[Unit] = field(default_factory=list)
    date: str | None = None


# ---------------------------------------------------------------------------
# Writing prose
# ---------------------------------------------------------------------------


def _cap(s: str) -> str:
    if not s:
        return s
    if s[0] in "\"'“‘" and len(s) > 1:
        return s[0] + s[1].upper() + s[2:]
    return s[0].upper() + s[1:]


def _title_case(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


_LOWER_AFTER_CREDIT = frozenset(
    "The A An It More At Some About Around In Under With Critics Analysts Asked There "
    "However, Meanwhile, Separately, Earlier, Later, Still, Elsewhere, Since Last Unemployment "
    "Annual Shares Net Revenue Turnout Support Hospitals Rainfall Complaints Officials".split()
)

_NO_REPEAT = frozenset(
    "act dquote gquote quote bg stat_s outcome nextstep event group_act act_person "
    "act_inf_person lead_tail voice_act effect rel deny_obj".split()
)
_DOMAIN_LEAVES = {name: _leaves(rules) for name, rules in _DOMAIN_COMPILED.items()}

# Expansion ops, in reverse order for a stack: (0, text) emit text, (1, rule)
# expand a rule, (2, rule) expand it capitalised, (3, index) capitalise the
# output from index on, (4, words) emit one of the words.
Op = tuple[int, Any]


def _ops(parts: tuple[str, ...]) -> tuple[Op, ...]:
    ops: list[Op] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if part:
                ops.append((0, part))
        elif part[0] == "^":
            ops.append((2, part[1:]))
        else:
            ops.append((1, part))
    return tuple(reversed(ops))


def _bake(ops: tuple[Op, ...], leaves: Mapping[str, tuple[str, ...]]) -> tuple[Op, ...]:
    """Replace references to a domain's fixed word choices by the choices."""
    return tuple((4, leaves[v]) if k == 1 and v in leaves else (k, v) for k, v in ops)


_TOPIC_SYMBOLS = frozenset(
    "country cadj capital city city2 region currency country2 cadj2 capital2 company company2 "
    "torg topic_event".split()
)
# Rules only ever expanded as whole sentences, by _Writer.sentence, which
# capitalises the first letter itself.
_SENTENCE_RULES = frozenset("lead body close stat_s bg".split())


def _domain_ops(name: str) -> dict[str, tuple[tuple[Op, ...], ...]]:
    rules = _DOMAIN_COMPILED[name]
    leaves = {s: w for s, w in _DOMAIN_LEAVES[name].items() if s not in _TOPIC_SYMBOLS}
    out = {k: tuple(_bake(_ops(a), leaves) for a in alts) for k, alts in rules.items()}
    # splice rules with a single alternative into the rules that use them
    single = {
        k: alts[0]
        for k, alts in out.items()
        if len(alts) == 1 and k not in _TOPIC_SYMBOLS and k not in _NO_REPEAT
    }
    for k, alts in out.items():
        new_alts = []
        for ops in alts:
            flat: list[Op] = []
            for op in ops:
                if op[0] == 1 and op[1] in single:
                    flat.extend(single[op[1]])
                else:
                    flat.append(op)
            if k in _SENTENCE_RULES and flat and flat[-1][0] == 2:
                flat[-1] = (1, flat[-1][1])  # the sentence start: capitalised anyway
            new_alts.append(tuple(flat))
        out[k] = tuple(new_alts)
    return out


_DOMAIN_OPS = {name: _domain_ops(name) for name in _DOMAIN_COMPILED}

_SPACES = re.compile(r" {2,}")

_WORD_NUMBERS = "zero one two three four five six seven eight nine".split()


class _Writer:
    """Expands the grammar for one article (tracks first mentions of people)."""

    __slots__ = (
        "last", "leaves", "mentioned", "pct", "rnd", "rng", "rules", "self_name", "spent", "topic",
    )  # fmt: skip

    def __init__(self, rng: random.Random, topic: Topic, self_name: str) -> None:
        self.rng = rng
        self.rnd = rng.random
        self.topic = topic
        self.rules = topic.rules
        self.leaves = topic.leaves
        self.self_name = self_name
        self.mentioned: set[int] = set()
        self.spent: set[tuple[Op, ...]] = set()
        self.last = -1
        self.pct = ("%", " percent", " per cent")[int(self.rnd() * 3)]

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.rnd() * len(seq))]

    def expand(self, sym: str) -> str:
        """Expand a rule (depth first, left to right) with an explicit stack."""
        rules, leaves, rnd, spent = self.rules, self.leaves, self.rnd, self.spent
        out: list[str] = []
        append = out.append
        stack: list[Op] = [(2, sym[1:]) if sym[0] == "^" else (1, sym)]
        pop, push = stack.pop, stack.extend
        while stack:
            kind, value = pop()
            if kind == 0:
                append(value)
                continue
            if kind == 4:
                append(value[int(rnd() * len(value))])
                continue
            if kind == 3:
                for k in range(value, len(out)):
                    if out[k]:
                        out[k] = _cap(out[k])
                        break
                continue
            if kind == 2:
                stack.append((3, len(out)))
            leaf = leaves.get(value)
            if leaf is not None:
                append(leaf[int(rnd() * len(leaf))])
                continue
            alts = rules.get(value)
            if alts is None:
                append(_SPECIALS[value](self))
                continue
            ops = alts[int(rnd() * len(alts))]
            if value in _NO_REPEAT and len(ops) == 1 and ops[0][0] == 0:
                # an article does not say the same thing twice
                for _ in range(4):
                    if ops not in spent:
                        break
                    ops = alts[int(rnd() * len(alts))]
                spent.add(ops)
            push(ops)
        return "".join(out)

    def sentence(self, sym: str) -> str:
        """A new sentence of the topic (never one already written on it)."""
        used = self.topic.used
        s = ""
        for _ in range(6):
            s = _cap(self.expand(sym))
            if "  " in s or " ," in s or " ." in s:  # an empty optional part
                s = _SPACES.sub(" ", s).replace(" ,", ",").replace(" .", ".")
            if s not in used:
                break
        used.add(s)
        return s

    # people -----------------------------------------------------------
    def person(self, i: int) -> str:
        people = self.topic.people
        i = i % len(people)
        self.last = i
        if i in self.mentioned:
            return people[i].last
        self.mentioned.add(i)
        return people[i].full

    def pref(self) -> str:
        r = self.rnd()
        return self.person(0 if r < 0.4 else 1 if r < 0.7 else 2 if r < 0.9 else 3)

    def pother(self) -> str:
        n = len(self.topic.people)
        i = int(self.rnd() * (n - 1))
        if i >= self.last >= 0:
            i += 1
        return self.person(i)

    # numbers ----------------------------------------------------------
    def n_small(self) -> str:
        n = 2 + int(self.rnd() * 10)
        return _WORD_NUMBERS[n] if n < 10 else str(n)

    def n_mid(self) -> str:
        return str(12 + int(self.rnd() * 900))

    def n_big(self) -> str:
        r = self.rnd()
        if r < 0.4:
            n = (10 + int(self.rnd() * 990)) * 10
        elif r < 0.8:
            n = (1 + int(self.rnd() * 250)) * 1000
        else:
            n = 1000 + int(self.rnd() * 99000)
        return f"{n:,}"

    def pct_(self) -> str:
        return f"{0.1 + int(self.rnd() * 300) / 10:.1f}{self.pct}"

    def money(self) -> str:
        unit = self.pick(("million", "million", "billion"))
        amount = (
            f"{1 + int(self.rnd() * 950)}" if unit == "million" else f"{1 + self.rnd() * 40:.1f}"
        )
        return f"{self.pick(('$', '$', '€', '£'))}{amount} {unit}"

    def year(self) -> str:
        return str(self.topic.when.year - 1 - int(self.rnd() * 25))

    def year2(self) -> str:
        return str(self.topic.when.year + int(self.rnd() * 3))

    def aname(self) -> str:
        return f"{self.pick(_FIRST)} {self.pick(_LAST)}"

    def firm(self) -> str:
        if self.rnd() < 0.6:
            return f"{self.pick(_LAST)} {self.pick(_FIRM_SUFFIX)}"
        template: str = self.pick(_INSTITUTES.split("|"))
        return template.format(
            adj=self.pick(_LAST), field=self.pick(_FIELDS), city=self.pick(self.topic.cities)
        )

    def seats(self) -> str:
        total = self.pick((101, 120, 150, 200, 225, 300, 350, 450))
        return f"{total // 3 + int(self.rnd() * total // 3)} of the {total} seats"


_SPECIALS: dict[str, Callable[[_Writer], str]] = {
    "pa": lambda w: w.person(0),
    "pb": lambda w: w.person(1),
    "pc": lambda w: w.person(2),
    "pd": lambda w: w.person(3),
    "pref": _Writer.pref,
    "pother": _Writer.pother,
    "pa_last": lambda w: w.topic.people[0].last,
    "pb_last": lambda w: w.topic.people[1].last,
    "n_small": _Writer.n_small,
    "n_mid": _Writer.n_mid,
    "n_big": _Writer.n_big,
    "pct": _Writer.pct_,
    "money": _Writer.money,
    "year": _Writer.year,
    "year2": _Writer.year2,
    "aname": _Writer.aname,
    "firm": _Writer.firm,
    "seats_x": _Writer.seats,
    "self": lambda w: w.self_name,
    "month": lambda w: w.pick(_MONTHS),
    "bp": lambda w: w.pick(("25", "50", "75", "100", "150", "200", "250")),
    "mag": lambda w: f"{5.2 + int(w.rnd() * 27) / 10:.1f}",
    "ordinal": lambda w: w.pick(("second", "third", "fourth", "fifth")),
    "n_small_age": lambda w: str(60 + int(w.rnd() * 3)),
    "n_small_age2": lambda w: str(63 + int(w.rnd() * 5)),
    "neutral": lambda w: w.pick(_NEUTRAL_CITIES.split()),
}


def _article(
    w: _Writer, target_words: int, min_paras: int, max_paras: int, lead: bool = True
) -> list[list[str]]:
    """Paragraphs of sentences, about ``target_words`` long."""
    paras: list[list[str]] = []
    words = 0
    if lead:
        s = w.sentence("lead")
        paras.append([s])
        words += s.count(" ") + 1
    while (words < target_words or len(paras) < min_paras) and len(paras) < max_paras:
        r = w.rnd()
        n = 1 if r < 0.35 else 2 if r < 0.8 else 3
        last = words > target_words * 0.85
        para = []
        for _ in range(n):
            s = w.sentence("close" if last and w.rnd() < 0.5 else "body")
            para.append(s)
            words += s.count(" ") + 1
        paras.append(para)
    return paras


# ---------------------------------------------------------------------------
# Surface transforms (all keep a unit on one line)
# ---------------------------------------------------------------------------

_OPEN_DQ = re.compile(r'(^|[\s(\[—-])"')
_OPEN_SQ = re.compile(r"(^|[\s(\[“\"—-])'")


def to_curly(text: str) -> str:
    """Straight quotes and apostrophes to typographic ones (same length)."""
    if '"' in text:
        text = _OPEN_DQ.sub(r"\1“", text).replace('"', "”")
    if "'" in text:
        if "'" in text[:1] or " '" in text or "(" in text or "—" in text or "-'" in text:
            text = _OPEN_SQ.sub(r"\1‘", text)  # an opening single quote
        text = text.replace("'", "’")
    return text


def to_straight(text: str) -> str:
    """Typographic quotes to straight ones (same length)."""
    if "“" in text or "”" in text:
        text = text.replace("“", '"').replace("”", '"')
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    return text


def strip_apostrophes(text: str) -> str:
    """Drop apostrophes and single quotes ("Russia's" -> "Russias")."""
    return text.replace("'", "").replace("’", "").replace("‘", "")


def edit_words(text: str, rng: random.Random, every: float = 20.0) -> str:
    """Insert, delete or replace a word about every ``every`` words."""
    tokens = text.split(" ")
    if len(tokens) < 4:
        return text
    out: list[str] = [tokens[0]]
    gap = rng.expovariate(1 / every)
    due = False
    for tok in tokens[1:]:
        gap -= 1
        if gap <= 0:
            due = True
        if not due:
            out.append(tok)
            continue
        core = tok.strip(",.;:!?\"'“”‘’()")
        lower = core.lower()
        if lower in _SYNONYMS and core == tok.rstrip(",.;:"):
            repl = _SYNONYMS[lower][int(rng.random() * len(_SYNONYMS[lower]))]
            if core[0].isupper():
                repl = _cap(repl)
            out.append(tok.replace(core, repl, 1))
        elif lower in _INSERT_BEFORE and core == tok:
            out.append(_INSERTABLE[int(rng.random() * len(_INSERTABLE))])
            out.append(tok)
        elif lower in _DELETABLE and core == tok:
            pass
        else:
            out.append(tok)
            continue
        due = False
        gap = rng.expovariate(1 / every)
    return " ".join(out)


def hard_wrap(paragraph: str, width: int) -> str:
    """Replace spaces by newlines so lines stay under ``width`` (same length)."""
    if len(paragraph) <= width:
        return paragraph
    out: list[str] = []
    line = 0
    for i, word in enumerate(paragraph.split(" ")):
        if i:
            if line + 1 + len(word) > width:
                out.append("\n")
                line = 0
            else:
                out.append(" ")
                line += 1
        out.append(word)
        line += len(word)
    return "".join(out)


_LAYOUTS = ("paragraphs", "compact", "lines", "wrapped")


def _render(doc: Doc, rng: random.Random) -> None:
    """Join the units into ``doc.text`` and record each unit's offsets."""
    layout = doc.layout
    para_sep = "\n\n" if layout in ("paragraphs", "wrapped") else "\n"
    sent_sep = "\n" if layout == "lines" else " "
    width = 60 + int(rng.random() * 21)
    pieces: list[str] = []
    units: list[Unit] = []
    pos = 0
    for p in doc.paras:
        if not p:
            continue
        if pieces:
            pieces.append(para_sep)
            pos += len(para_sep)
        buf: list[str] = []
        for j, u in enumerate(p):
            if j:
                sep = u.before if u.before is not None else p[j - 1].glue
                sep = sent_sep if sep is None else sep
                buf.append(sep)
                pos += len(sep)
            u.start = pos
            buf.append(u.text)
            pos += len(u.text)
            u.end = pos
            units.append(u)
        block = "".join(buf)
        if layout == "wrapped":
            block = hard_wrap(block, width)
        pieces.append(block)
    doc.text = "".join(pieces)
    doc.units = units


# ---------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------


def _ranks(doc: Doc) -> list[int] | range:
    """Position of each unit among the units that can break a passage:
    punctuation-only chrome (a lone quote mark) does not."""
    units = doc.units
    if all(u.key is not None or _ALNUM.search(u.text) for u in units):
        return range(1, len(units) + 1)
    out, r = [], 0
    for u in units:
        if u.key is not None or _ALNUM.search(u.text):
            r += 1
        out.append(r)
    return out


def _words(text: str, start: int, end: int) -> int:
    """Whitespace-separated words of ``text[start:end]`` (exact when few)."""
    n = text.count(" ", start, end) + text.count("\n", start, end) + 1
    return len(text[start:end].split()) if n < 2 * MIN_PASSAGE_WORDS else n


_ALNUM = re.compile(r"[^\W_]")


def _largest_remainder(total: int, shares: Mapping[str, float]) -> dict[str, int]:
    s = sum(shares.values())
    if total <= 0 or s <= 0:
        return dict.fromkeys(shares, 0)
    raw = {k: total * v / s for k, v in shares.items()}
    counts = {k: int(v) for k, v in raw.items()}
    rest = total - sum(counts.values())
    for k in sorted(raw, key=lambda k: (counts[k] - raw[k], k))[:rest]:
        counts[k] += 1
    return counts


_MASK64 = (1 << 64) - 1


def _mix64(x: int) -> int:
    """SplitMix64 finaliser: a bijection on 64-bit integers."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


@dataclass(slots=True)
class _TopicResult:
    records: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    negatives: list[dict[str, str]]
    categories: list[tuple[str, str]]
    transforms: list[tuple[str, list[str]]]
    topic: int = 0


@dataclass(slots=True)
class _TopicPlan:
    agencies: list[str]
    jobs: list[tuple[str, Any]] = field(default_factory=list)
    distractors: int = 0


class _Corpus:
    def __init__(
        self,
        n_docs: int,
        seed: int,
        wire_fraction: float,
        derived_fraction: float,
        distractor_fraction: float,
        derived_mix: Mapping[str, float],
        undated_fraction: float,
        negatives_per_topic: int,
        shuffle_buffer: int,
    ) -> None:
        if n_docs < 0:
            raise ValueError("n_docs must be >= 0")
        unknown = set(derived_mix) - set(DEFAULT_DERIVED_MIX)
        if unknown:
            raise ValueError(f"unknown derived kinds: {sorted(unknown)}")
        self.n_docs = n_docs
        self.seed = seed
        self.undated = undated_fraction
        self.negatives_per_topic = negatives_per_topic
        self.shuffle_buffer = shuffle_buffer
        counts = _largest_remainder(
            n_docs,
            {"wire": wire_fraction, "derived": derived_fraction, "distractor": distractor_fraction},
        )
        if n_docs and counts["wire"] == 0:
            # Copies and distractors need a wire story.
            counts["wire"] = 1
            counts["derived" if counts["derived"] else "distractor"] -= 1
        self.counts = counts
        self.mix = dict(derived_mix)
        self.params = {
            "n_docs": n_docs,
            "seed": seed,
            "wire_fraction": wire_fraction,
            "derived_fraction": derived_fraction,
            "distractor_fraction": distractor_fraction,
            "derived_mix": dict(sorted(self.mix.items())),
            "undated_fraction": undated_fraction,
            "negatives_per_topic": negatives_per_topic,
        }
        self.rng = random.Random(f"syndetect-generate:{seed}")
        self.outlets, self.agency_outlets = self._outlets()
        self.plans = self._plan()
        self.id_key = _mix64(seed & _MASK64)
        self.next_index = 0
        self.starts = list(
            accumulate(
                (len(p.agencies) + len(p.jobs) + p.distractors for p in self.plans), initial=0
            )
        )
        self.truth: dict[str, Any] | None = None

    # setup ---------------------------------------------------------------
    def _outlets(self) -> tuple[list[Outlet], dict[str, Outlet]]:
        rng = self.rng
        n = max(12, self.n_docs // 40)
        names: list[str] = []
        seen: set[str] = set()
        cities = [c for row in _COUNTRIES for c in row[2:5]]
        while len(names) < n:
            r = rng.random()
            if r < 0.45:
                name = f"{rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}"
            elif r < 0.85:
                name = f"{rng.choice(cities)} {rng.choice(_OUTLET_B)}"
            else:
                name = f"The {rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)}"
            if name in seen:
                name = f"{name} {len(names)}" if len(seen) > 5000 else ""
            if name and name not in seen:
                seen.add(name)
                names.append(name)
        outlets = []
        index = 1
        agency_outlets = {}
        for agency in _AGENCY_NAMES:
            agency_outlets[agency] = Outlet(
                index, agency, f"www.example-outlet-{index}.com", True, 0.0, (), (), (),
                "paragraphs", False, rng.choice(("curly", "straight")), 0, 0,
            )  # fmt: skip
            index += 1
        for name in names:
            outlets.append(self._outlet(index, name))
            index += 1
        return outlets, agency_outlets

    def _outlet(self, index: int, name: str) -> Outlet:
        the_name = name if name.startswith("The ") else f"the {name}"
        rng = self.rng
        header_pool = [
            "Skip to main content",
            "You are here: Home » {section} » {subsection}",
            "You are here",
            "Home > News > {section}",
            "Home / {section} / {subsection}",
            name,
            f"{name} - {{section}}",
            "Menu",
            "Search",
            "Subscribe",
            "Sign in",
            "Text size:",
            "Text size: A A A",
            "Listen to this article",
            "Reading time: {minutes} min",
            "Breaking News",
            "Latest News",
            "Most Read",
            "Paris -",
        ]
        mid_pool = [
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "READ MORE: {other}",
            "Also Read: {other}",
            "RELATED: {other}",
            "Scroll to continue with content",
            "- Security or confrontation? -",
            "Click here to subscribe to our newsletter",
        ]
        footer_pool = [
            "Share this article",
            "Share on Facebook Share on Twitter Share on WhatsApp",
            "Share this article Facebook Twitter Email Copy link",
            f"Sign up for {the_name} newsletter to get the top stories delivered to your inbox "
            "every morning.",
            f"Get {the_name} daily briefing in your inbox.",
            f"© {{year}} {name}. All rights reserved.",
            "Tags: {tags}",
            "Related Stories",
            "Comments are closed.",
            f"Follow {name} on Facebook and Twitter for the latest news.",
            f"Copyright {{year}} {name}",
            f"Click here to read more stories from {name}.",
            "This story has been published from a wire agency feed without modifications to "
            "the text. Only the headline has been changed.",
            f"Thank you for reading {name}. Please consider supporting our journalism.",
            "Report an error",
            "Print Email",
            f"Send your comments and tips to {the_name} newsroom.",
            "Join the conversation",
        ]
        layout = rng.choices(_LAYOUTS, (0.5, 0.2, 0.15, 0.15))[0]
        return Outlet(
            index=index,
            name=name,
            host=f"www.example-outlet-{index}.com",
            agency=False,
            chrome=rng.choice((0.0, 0.3, 0.6, 0.9, 0.9)),
            header=tuple(rng.sample(header_pool, 1 + int(rng.random() * 3))),
            mid=tuple(rng.sample(mid_pool, int(rng.random() * 3))),
            footer=tuple(rng.sample(footer_pool, 1 + int(rng.random() * 4))),
            layout=layout,
            strip_apostrophes=rng.random() < 0.12,
            quotes=rng.choices(("keep", "curly", "straight"), (0.5, 0.25, 0.25))[0],
            date_style=int(rng.random() * 5),
            repeat_headline=rng.choices((0, 1, 2, 3), (0.6, 0.25, 0.1, 0.05))[0],
        )

    def _plan(self) -> list[_TopicPlan]:
        rng = self.rng
        n_wire, n_derived, n_distr = (
            self.counts["wire"],
            self.counts["derived"],
            self.counts["distractor"],
        )
        plans: list[_TopicPlan] = []
        left = n_wire
        while left > 0:
            k = min(left, rng.choices((1, 2, 3), (0.5, 0.32, 0.18))[0])
            agencies: list[str] = []
            while len(agencies) < k:
                a = _AGENCY_NAMES[bisect(_AGENCY_CUM, rng.random() * _AGENCY_CUM[-1])]
                if a not in agencies:
                    agencies.append(a)
            plans.append(_TopicPlan(agencies))
            left -= k
        wires = [(t, i) for t, p in enumerate(plans) for i in range(len(p.agencies))]
        kinds = _largest_remainder(n_derived, self.mix) if n_derived else {}
        multi = [t for t, p in enumerate(plans) if len(p.agencies) > 1]
        if not multi:
            kinds["reprint"] = kinds.get("reprint", 0) + kinds.pop("merged", 0)
        base_kinds = [k for k in ("reprint", "partial", "shuffled", "edited") if kinds.get(k)]
        n_base = sum(kinds.get(k, 0) for k in base_kinds)
        if n_base == 0 and (kinds.get("chain") or kinds.get("merged")):
            # chains need a copy to copy; keep one plain reprint
            kinds["reprint"] = 1
            if kinds.get("chain"):
                kinds["chain"] -= 1
            else:
                kinds["merged"] -= 1
            base_kinds, n_base = ["reprint"], 1
        # popularity: a few wires are copied many times, most once or never
        weights = [rng.paretovariate(1.3) for _ in wires]
        cum = list(accumulate(weights))
        copies: dict[int, int] = defaultdict(int)
        base_jobs = [k for k in base_kinds for _ in range(kinds[k])]
        rng.shuffle(base_jobs)
        for kind in base_jobs:
            for _ in range(20):
                w = bisect(cum, rng.random() * cum[-1])
                w = min(w, len(wires) - 1)
                if copies[w] < MAX_COPIES_PER_WIRE:
                    break
            copies[w] += 1
            t, i = wires[w]
            plans[t].jobs.append((kind, i))
        for _ in range(kinds.get("merged", 0)):
            t = rng.choice(multi)
            i, j = rng.sample(range(len(plans[t].agencies)), 2)
            plans[t].jobs.append(("merged", (i, j)))
        with_copies = [t for t, p in enumerate(plans) if p.jobs]
        for _ in range(kinds.get("chain", 0)):
            t = rng.choice(with_copies)
            plans[t].jobs.append(("chain", None))
        for _ in range(n_distr):
            plans[int(rng.random() * len(plans))].distractors += 1
        return plans

    # ids, dates, outlets --------------------------------------------------
    def _new_id(self, rng: random.Random) -> str:
        """An opaque id, unique by construction: a bijective mix of the
        document's global index (topics can be generated in any process)."""
        self.next_index += 1
        return f"{_mix64(self.id_key + self.next_index):016x}"

    def _pick_outlet(self, rng: random.Random, avoid: set[int]) -> Outlet:
        # Zipf-like: a few outlets publish much of the corpus
        n = len(self.outlets)
        for _ in range(10):
            i = min(n - 1, int(n * rng.random() ** 1.8))
            if self.outlets[i].index not in avoid:
                return self.outlets[i]
        return self.outlets[int(rng.random() * n)]

    # topics ----------------------------------------------------------------
    def _topic(self, index: int, rng: random.Random) -> Topic:
        domain = _DOMAIN_NAMES[int(rng.random() * len(_DOMAIN_NAMES))]
        spec = _DOMAINS[domain]
        c1, c2 = rng.sample(_COUNTRIES, 2)
        name, adj, capital, city2, city3, currency, region = c1
        roles = spec["roles"].split(",")
        titles = rng.sample(roles, 4)
        people = [
            Person(t[0].upper() + t[1:] if t[0].isupper() else t, rng.choice(_FIRST), last)
            for t, last in zip(titles, rng.sample(_LAST, 4), strict=True)
        ]
        companies = rng.sample(_COMPANY_A, 2)
        comp = [f"{c} {rng.choice(_COMPANY_B)}" for c in companies]
        torgs = spec["torgs"].split(",")
        when = datetime(2019, 1, 1) + timedelta(minutes=int(rng.random() * 6 * 365 * 24 * 60))
        topic_rules = {
            "country": name,
            "cadj": adj,
            "capital": capital,
            "city": f"{capital}|{city2}|{city3}",
            "city2": rng.choice((city2, city3)),
            "region": region,
            "currency": currency,
            "country2": c2[0],
            "cadj2": c2[1],
            "capital2": c2[2],
            "company": comp[0],
            "company2": comp[1],
            "torg": "|".join(rng.sample(torgs, 2)),
        }
        rules = dict(_DOMAIN_OPS[domain])
        leaves = dict(_DOMAIN_LEAVES[domain])
        for k, v in topic_rules.items():
            words = tuple(v.split("|"))
            rules[k] = tuple(((0, x),) for x in words)
            leaves[k] = words
        topic = Topic(
            index=index,
            domain=domain,
            rules=rules,
            leaves=leaves,
            people=people,
            when=when,
            country=name,
            cities=(capital, city2, city3),
            tags=(name.removeprefix("the "), c2[0].removeprefix("the "), domain.title()),
        )
        # the topic's key phrase, shared by all its articles
        w = _Writer(rng, topic, "")
        event = w.expand("topic_event")
        rules["topic_event"] = (((0, event),),)
        leaves["topic_event"] = (event,)
        return topic

    def _headline(self, w: _Writer) -> str:
        used = w.topic.headlines
        h = ""
        for attempt in range(8):
            h = _cap(w.expand("hl"))
            if attempt > 4:
                tail = w.pick(("- report", ": what we know", "- officials", "as pressure grows"))
                h = f"{h} {tail}"
            if h not in used:
                break
        used.add(h)
        return h

    def _wire(self, topic: Topic, agency: str, rng: random.Random) -> Doc:
        doc_id = self._new_id(rng)
        outlet = self.agency_outlets[agency]
        w = _Writer(rng, topic, agency)
        title = self._headline(w)
        target = 400 + int(rng.random() * 480)
        paras = _article(w, target, 8, 23)
        when = topic.when + timedelta(minutes=int(rng.random() * 20 * 60))
        units: list[list[Unit]] = []
        n = 0

        def own(text: str, glue: str | None = None) -> Unit:
            nonlocal n
            n += 1
            return Unit(text, (doc_id, n), glue)

        for p in paras:
            units.append([own(s) for s in p])
        spec = next(a for a in _AGENCIES if a[0] == agency)
        if rng.random() < 0.7:
            city = rng.choice(topic.cities)
            dateline = spec[2].format(
                CITY=city.upper(),
                City=city,
                Country=topic.country.removeprefix("the "),
                Mon=_MONTHS_AP[when.month - 1],
                d=when.day,
            )
            units[0].insert(0, own(dateline, " "))
        if spec[3] and rng.random() < 0.7:
            names = [w.aname() for _ in range(3)]
            sign = spec[3].format(
                n1=names[0],
                n2=names[1],
                n3=names[2],
                city=rng.choice(topic.cities),
                city2=rng.choice(topic.cities),
                i1="".join(
                    rng.choice("abcdefghjklmnprstvw") for _ in range(2 + (rng.random() < 0.5))
                ),
                i2="".join(rng.choice("abcdefghjklmnprstvw") for _ in range(3)),
            )
            units.append([Unit(sign, (doc_id, "S"))])  # the sign-off
        if rng.random() < 0.25:
            units.insert(0, [Unit(title, (doc_id, "H"))])
        if outlet.quotes == "curly":
            for row in units:
                for u in row:
                    u.text = to_curly(u.text)
        doc = Doc(doc_id, "wire", outlet, when, title, units, (doc_id, "H"), root=doc_id)
        doc.layout = "paragraphs" if rng.random() < 0.85 else "compact"
        return doc

    def _own_text(
        self, doc_id: str, topic: Topic, outlet: Outlet, rng: random.Random, words: int,
        min_paras: int, max_paras: int, counter: list[int],
    ) -> list[list[Unit]]:  # fmt: skip
        w = _Writer(rng, topic, outlet.name)
        paras = _article(w, words, min_paras, max_paras)
        out = []
        for p in paras:
            row = []
            for s in p:
                counter[0] += 1
                row.append(Unit(s, (doc_id, counter[0])))
            out.append(row)
        return out

    def _distractor(self, topic: Topic, rng: random.Random) -> Doc:
        doc_id = self._new_id(rng)
        outlet = self._pick_outlet(rng, set())
        w = _Writer(rng, topic, outlet.name)
        title = self._headline(w)
        counter = [0]
        target = 250 + int(rng.random() * 600)
        paras = self._own_text(doc_id, topic, outlet, rng, target, 5, 25, counter)
        when = topic.when + timedelta(minutes=int((rng.random() * 4 - 1) * 24 * 60))
        doc = Doc(doc_id, "distractor", outlet, when, title, paras, (doc_id, "H"))
        self._site(doc, topic, rng, credit=None)
        return doc

    # copies ----------------------------------------------------------------
    @staticmethod
    def _body(doc: Doc) -> list[list[Unit]]:
        """Paragraphs of a document's content (no chrome, no in-text headline)."""
        out = []
        for p in doc.paras:
            row = [u for u in p if u.key is not None and u.key[1] != "H"]
            if row:
                out.append(row)
        return out

    @staticmethod
    def _copy(units: Sequence[Unit]) -> list[Unit]:
        return [Unit(u.text, u.key, u.glue) for u in units]

    def _derived(
        self, kind: str, topic: Topic, sources: list[Doc], rng: random.Random, wires: list[Doc]
    ) -> Doc:
        doc_id = self._new_id(rng)
        src = sources[0]
        avoid = {s.outlet.index for s in sources}
        outlet = self._pick_outlet(rng, avoid)
        counter = [0]
        transforms: list[str] = []
        body = self._body(src)
        paras: list[list[Unit]]
        layout = outlet.layout if rng.random() < 0.7 else rng.choice(_LAYOUTS)
        if kind in ("reprint", "edited"):
            paras = [self._copy(p) for p in body]
            if len(paras) > 6 and rng.random() < 0.35:
                paras = paras[: len(paras) - 1 - int(rng.random() * 3)]
            if paras and paras[0] and paras[0][0].glue is not None and rng.random() < 0.3:
                paras[0] = paras[0][1:]  # drop the dateline
        elif kind == "partial":
            paras = self._partial(doc_id, topic, outlet, body, rng, counter, src)
        elif kind == "shuffled":
            flat = [u for p in body for u in p if u.glue is None]
            runs: list[list[Unit]] = []
            i = 0
            while i < len(flat):
                k = 1 + int(rng.random() * 3) if rng.random() < 0.4 else 1
                runs.append(flat[i : i + k])
                i += k
            rng.shuffle(runs)
            keep = [r for r in runs if rng.random() > 0.12] or runs[:1]
            units = self._copy([u for r in keep for u in r])
            if rng.random() < 0.7:
                layout = "lines"
                paras = [[u] for u in units]
            else:
                paras = []
                while units:
                    k = 1 + int(rng.random() * 3)
                    paras.append(units[:k])
                    units = units[k:]
        elif kind == "merged":
            paras = self._merged(body, self._body(sources[1]), rng)
        else:  # chain: copy a copy
            if rng.random() < 0.6:
                paras = [self._copy(p) for p in body]
            else:
                paras = self._partial(doc_id, topic, outlet, body, rng, counter, src)
        # light word edits
        if kind == "edited" or rng.random() < 0.1:
            transforms.append("word-edits")
            for p in paras:
                for u in p:
                    if u.key is not None and u.key[0] != doc_id and u.glue is None:
                        u.text = edit_words(u.text, rng)
        # credit
        credit = self._credit(kind, sources, wires, rng)
        if credit:
            transforms.append("credit")
        if kind == "chain" and rng.random() < 0.25:
            transforms.append("quoted")
            for p in paras:
                if p and p[0].key is not None and p[0].key[0] != doc_id:
                    p.insert(0, Unit("“", None, ""))
                    p.append(Unit("”", None, before=""))
        # title
        r = rng.random()
        if r < 0.55:
            title, title_key = src.title, src.title_key
        elif r < 0.7:
            title, title_key = _title_case(src.title), src.title_key
            transforms.append("title-case")
        else:
            title = self._headline(_Writer(rng, topic, outlet.name))
            title_key = (doc_id, "H")
        delay = rng.random()
        minutes = (
            10 + delay * 230
            if delay < 0.5
            else 240 + delay * 1200
            if delay < 0.8
            else 1440 + delay * 2880
            if delay < 0.95
            else 4320 + delay * 5760
        )
        when = max(s.when for s in sources) + timedelta(minutes=int(minutes))
        root = src.root
        doc = Doc(doc_id, kind, outlet, when, title, paras, title_key, layout, root=root)
        doc.parents = tuple(s.id for s in sources)
        chrome = self._site(doc, topic, rng, credit=credit)
        if chrome:
            transforms.append("chrome")
        # site-wide character habits
        quotes = outlet.quotes
        if rng.random() < 0.25:
            quotes = rng.choice(("curly", "straight"))
        strip = outlet.strip_apostrophes or rng.random() < (0.5 if kind == "shuffled" else 0.12)
        if strip:
            transforms.append("no-apostrophes")
        if quotes != "keep":
            transforms.append(f"{quotes}-quotes")
        for p in doc.paras:
            for u in p:
                if quotes == "curly":
                    u.text = to_curly(u.text)
                elif quotes == "straight":
                    u.text = to_straight(u.text)
                if strip:
                    u.text = strip_apostrophes(u.text)
        if layout != "paragraphs":
            transforms.append(f"layout-{layout}")
        doc.transforms = tuple(transforms)
        return doc

    def _partial(
        self, doc_id: str, topic: Topic, outlet: Outlet, body: list[list[Unit]],
        rng: random.Random, counter: list[int], src: Doc,
    ) -> list[list[Unit]]:  # fmt: skip
        n = len(body)
        runs: list[list[list[Unit]]] = []
        if n <= 3:
            runs.append([self._copy(p) for p in body])
        else:
            k = 2 + int(rng.random() * min(5, n - 2))
            start = int(rng.random() * (n - k + 1))
            runs.append([self._copy(p) for p in body[start : start + k]])
            if rng.random() < 0.35 and start + k + 2 < n:
                s2 = start + k + 1 + int(rng.random() * (n - start - k - 2))
                k2 = 1 + int(rng.random() * min(3, n - s2))
                runs.append([self._copy(p) for p in body[s2 : s2 + k2]])
        for run in runs:  # a dateline inside own text reads wrong
            if run[0] and run[0][0].glue is not None and rng.random() < 0.6:
                run[0] = run[0][1:]
        paras = self._own_text(
            doc_id, topic, outlet, rng, 60 + int(rng.random() * 200), 1, 4, counter
        )
        credit_name = src.outlet.name
        for i, run in enumerate(runs):
            if i:
                paras.extend(self._own_text(doc_id, topic, outlet, rng, 30, 1, 2, counter))
            r = rng.random()
            first = run[0]
            head, _, rest = first[0].text.partition(" ") if first else ("", "", "")
            if r < 0.2 and first and first[0].glue is None and head in _LOWER_AFTER_CREDIT:
                lead = rng.choice(("As {} reported,", "According to {},", "{} reported that"))
                first.insert(0, Unit(lead.format(credit_name), None, " "))
                first[1].text = f"{head.lower()} {rest}"
            elif r < 0.35:
                paras.append([Unit(f"via {credit_name}:", None)])
            paras.extend(run)
        if rng.random() < 0.5:
            paras.extend(
                self._own_text(
                    doc_id, topic, outlet, rng, 40 + int(rng.random() * 80), 1, 3, counter
                )
            )
        return paras

    def _merged(
        self, a: list[list[Unit]], b: list[list[Unit]], rng: random.Random
    ) -> list[list[Unit]]:
        a = [self._copy(p) for p in a]
        # the second story's paragraphs, without its dateline and sign-off
        b = [
            self._copy([u for u in p if u.glue is None and u.key is not None and u.key[1] != "S"])
            for p in b
        ]
        b = [p for p in b if p]
        if len(a) < 2 or not b:
            return a + b
        cuts = sorted(rng.sample(range(1, len(a)), min(len(a) - 1, 1 + int(rng.random() * 2))))
        out: list[list[Unit]] = []
        prev = 0
        bpos = int(rng.random() * max(1, len(b) - 3))
        for c in [*cuts, len(a)]:
            out.extend(a[prev:c])
            prev = c
            if c < len(a) and bpos < len(b):
                k = 2 + int(rng.random() * 2)
                out.extend(b[bpos : bpos + k])
                bpos += k + int(rng.random() * 2)
        return out

    def _credit(
        self, kind: str, sources: list[Doc], wires: list[Doc], rng: random.Random
    ) -> tuple[str, str] | None:
        """(position, text) of a credit line: "top" byline or "end" line."""
        if rng.random() > 0.65:
            return None
        if kind == "merged":
            a, b = sources[0].outlet.name, sources[1].outlet.name
            return rng.choice(
                (("top", f"With {a} and {b}"), ("end", f"— With {a} and {b}"),
                 ("end", f"({a}/{b})"), ("top", f"By our staff with {a} and {b}"))
            )  # fmt: skip
        src = sources[0]
        if kind == "chain":
            name = src.outlet.name
            return rng.choice(
                (("top", f"via {name}:"), ("end", f"This article first appeared in {name}."),
                 ("end", f"Source: {name}"), ("top", f"Originally published by {name}"))
            )  # fmt: skip
        agency = src.outlet.name
        return rng.choice(
            (("end", f"— {agency}"), ("end", f"({agency})"), ("end", f"Source: {agency}"),
             ("top", f"By {agency}"), ("end", f"{agency} contributed to this report."),
             ("end", f"This article was originally published by {agency}."),
             ("top", f"With {agency}"))
        )  # fmt: skip

    # site chrome -----------------------------------------------------------
    def _site(
        self, doc: Doc, topic: Topic, rng: random.Random, credit: tuple[str, str] | None
    ) -> bool:
        """Add site chrome and the credit to ``doc.paras``; True if chrome was added."""
        outlet = doc.outlet
        top: list[list[Unit]] = []
        end: list[list[Unit]] = []
        chrome = rng.random() < outlet.chrome
        if credit:
            (top if credit[0] == "top" else end).append([Unit(credit[1], None)])
        if chrome:
            section = rng.choice(_SECTIONS.split("|"))
            fill = {
                "section": section,
                "subsection": topic.country.removeprefix("the "),
                "minutes": str(2 + int(rng.random() * 8)),
                "year": str(doc.when.year),
                "tags": ", ".join(topic.tags),
                "other": "",
            }
            head = [[Unit(h.format(**fill), None)] for h in outlet.header]
            lines = [[Unit(doc.title, doc.title_key)] for _ in range(1 + outlet.repeat_headline)]
            if outlet.date_style == 1:
                lines.append([Unit(doc.when.strftime("%Y%m%d"), None)])
            elif outlet.date_style == 2:
                lines.append(
                    [Unit(f"{_MONTHS[doc.when.month - 1]} {doc.when.day}, {doc.when.year}", None)]
                )
            elif outlet.date_style == 3:
                lines.append([Unit(f"Published: {doc.when:%Y-%m-%d %H:%M}", None)])
            if outlet.date_style in (1, 3) and rng.random() < 0.5:
                lines.append([Unit(self._url(doc), None)])
            top = head + lines + top
            w = _Writer(rng, topic, outlet.name)
            for m in outlet.mid:
                if len(doc.paras) > 3:
                    fill["other"] = _cap(w.expand("hl"))
                    pos = 1 + int(rng.random() * (len(doc.paras) - 2))
                    doc.paras.insert(pos, [Unit(m.format(**fill), None)])
            end = end + [[Unit(f.format(**fill), None)] for f in outlet.footer]
        doc.paras = top + doc.paras + end
        return chrome

    @staticmethod
    def _url(doc: Doc) -> str:
        slug = "-".join(re.findall(r"[a-z0-9]+", doc.title.lower())[:9])
        return f"https://{doc.outlet.host}/{doc.when:%Y/%m/%d}/{slug}-{doc.id[:6]}"

    # one topic -------------------------------------------------------------
    def _topic_result(self, t: int) -> _TopicResult:
        """Records and truth of topic ``t`` (depends on nothing but the plan)."""
        rng = random.Random(f"syndetect-generate:{self.seed}:topic:{t}:meta")
        docs = self._generate_topic(t, self.plans[t])
        pairs, negatives = self._truth(docs, rng)
        return _TopicResult(
            records=[self._record(d, rng) for d in docs],
            pairs=pairs,
            negatives=negatives,
            categories=[(d.id, d.kind) for d in docs],
            topic=t,
            transforms=[(d.id, list(d.transforms)) for d in docs if d.parents],
        )

    def _generate_topic(self, t: int, plan: _TopicPlan) -> list[Doc]:
        self.next_index = self.starts[t]
        rng = random.Random(f"syndetect-generate:{self.seed}:topic:{t}")
        topic = self._topic(t, rng)
        wires = [self._wire(topic, a, rng) for a in plan.agencies]
        for d in wires:
            _render(d, rng)
        docs = list(wires)
        derived: list[Doc] = []
        for kind, arg in sorted(plan.jobs, key=lambda j: j[0] == "chain"):
            if kind == "merged":
                sources = [wires[arg[0]], wires[arg[1]]]
            elif kind == "chain":
                sources = [rng.choice([d for d in derived if d.kind != "merged"] or derived)]
            else:
                sources = [wires[arg]]
            d = self._derived(kind, topic, sources, rng, wires)
            _render(d, rng)
            derived.append(d)
        docs.extend(derived)
        for _ in range(plan.distractors):
            d = self._distractor(topic, rng)
            _render(d, rng)
            docs.append(d)
        for d in docs:
            d.date = self._date(d, rng)
        return docs

    def _date(self, doc: Doc, rng: random.Random) -> str | None:
        if rng.random() < self.undated:
            return None
        if rng.random() < 0.7:
            return doc.when.strftime("%Y-%m-%d")
        return doc.when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _record(self, doc: Doc, rng: random.Random) -> dict[str, Any]:
        rec: dict[str, Any] = {"id": doc.id, "text": doc.text}
        if rng.random() < 0.92:
            rec["title"] = doc.title
        if doc.date is not None:
            rec["date"] = doc.date
        if rng.random() < 0.88:
            rec["url"] = self._url(doc)
        if rng.random() < 0.88:
            rec["outlet"] = doc.outlet.name
        return rec

    # truth -----------------------------------------------------------------
    def _truth(
        self, docs: list[Doc], rng: random.Random
    ) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """Pairs (with passages) and sampled hard negatives of one topic."""
        pairs: list[dict[str, Any]] = []
        by_id = {d.id: d for d in docs}
        ancestors: dict[str, set[str]] = {}

        def anc(doc_id: str) -> set[str]:
            if doc_id not in ancestors:
                out: set[str] = set()
                for p in by_id[doc_id].parents:
                    out.add(p)
                    out |= anc(p)
                ancestors[doc_id] = out
            return ancestors[doc_id]

        index: list[dict[Key, list[int]]] = []
        origins: dict[str, list[int]] = defaultdict(list)
        for di, d in enumerate(docs):
            idx: dict[Key, list[int]] = {}
            for ui, u in enumerate(d.units):
                key = u.key
                if key is not None:
                    if key in idx:
                        idx[key].append(ui)
                    else:
                        idx[key] = [ui]
            index.append(idx)
            for origin in sorted({k[0] for k in idx}):
                origins[origin].append(di)
        candidates = sorted(
            {
                (ds[x], ds[y])
                for ds in origins.values()
                for x in range(len(ds))
                for y in range(x + 1, len(ds))
            }
        )
        matches: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for da, db in candidates:
            ia, ib = index[da], index[db]
            # a unit repeated in a document (a headline printed twice) is
            # paired occurrence by occurrence
            ms = [p for k, la in ia.items() if k in ib for p in zip(la, ib[k], strict=False)]
            if ms:
                matches[(da, db)] = ms
        related = set(matches)
        for (da, db), ms in matches.items():
            a, b = docs[da], docs[db]
            if a.id in anc(b.id):
                flip = False
                relation = "copy" if a.id in b.parents else "chain"
            elif b.id in anc(a.id):
                flip = True
                relation = "copy" if b.id in a.parents else "chain"
            else:
                relation = "sibling"
                flip = self._sibling_order(a, b)
            if flip:
                ms = [(ub, ua) for ua, ub in ms]
                da, db = db, da
            src, der = docs[da], docs[db]
            passages, content = self._passages(src, der, ms)
            # two copies sharing only a headline line are not a reuse pair
            if relation != "copy" and not content:
                continue
            pairs.append(
                {"source": src.id, "derived": der.id, "relation": relation, "passages": passages}
            )
        # negatives: same topic, written independently (no derivation, no
        # shared unit of text)
        cands = [
            (i, j)
            for i in range(len(docs))
            for j in range(i + 1, len(docs))
            if (i, j) not in related
            and docs[i].id not in anc(docs[j].id)
            and docs[j].id not in anc(docs[i].id)
        ]
        negatives: list[dict[str, str]] = []
        for i, j in rng.sample(cands, min(len(cands), self.negatives_per_topic)):
            first, second = sorted((docs[i].id, docs[j].id))
            negatives.append({"a": first, "b": second})
        return pairs, negatives

    @staticmethod
    def _sibling_order(a: Doc, b: Doc) -> bool:
        """True if ``b`` is the source: published earlier (the true time, which
        the record may not give), else the smaller id."""
        if a.when != b.when:
            return b.when < a.when
        return b.id < a.id

    @staticmethod
    def _passages(
        src: Doc, der: Doc, ms: list[tuple[int, int]]
    ) -> tuple[list[dict[str, int]], bool]:
        """Maximal runs of matched units that are contiguous on both sides, and
        whether any holds more than headlines."""
        ms = sorted(set(ms))
        rank_s, rank_d = _ranks(src), _ranks(der)
        content = False
        by_rank = {(rank_s[i], rank_d[j]): (i, j) for i, j in ms}
        out = []
        for i, j in ms:
            if (rank_s[i] - 1, rank_d[j] - 1) in by_rank:
                continue  # not the start of a run
            ei, ej = i, j
            while (rank_s[ei] + 1, rank_d[ej] + 1) in by_rank:
                ei, ej = by_rank[(rank_s[ei] + 1, rank_d[ej] + 1)]
            s0, s1 = src.units[i].start, src.units[ei].end
            d0, d1 = der.units[j].start, der.units[ej].end
            if min(_words(src.text, s0, s1), _words(der.text, d0, d1)) < MIN_PASSAGE_WORDS:
                continue
            if not content:
                content = any(
                    (key := src.units[k].key) is not None and key[1] != "H"
                    for k in range(i, ei + 1)
                )
            out.append(
                {"source_start": s0, "source_end": s1, "derived_start": d0, "derived_end": d1}
            )
        out.sort(key=lambda p: (p["source_start"], p["derived_start"]))
        return out, content

    # driver ----------------------------------------------------------------
    def records(self) -> Iterator[dict[str, Any]]:
        """The JSONL records, in a shuffled order; fills ``self.truth`` at the end."""
        order = random.Random(f"syndetect-generate:{self.seed}:order")
        buffer: list[dict[str, Any]] = []
        pairs: list[dict[str, Any]] = []
        negatives: list[dict[str, str]] = []
        categories: dict[str, str] = {}
        transforms: dict[str, list[str]] = {}
        topics: dict[str, int] = {}
        for result in map(self._topic_result, range(len(self.plans))):
            buffer.extend(result.records)
            pairs.extend(result.pairs)
            negatives.extend(result.negatives)
            categories.update(result.categories)
            transforms.update(result.transforms)
            topics.update((doc_id, result.topic) for doc_id, _ in result.categories)
            while len(buffer) > self.shuffle_buffer:
                i = int(order.random() * len(buffer))
                buffer[i], buffer[-1] = buffer[-1], buffer[i]
                yield buffer.pop()
        order.shuffle(buffer)
        yield from buffer
        pairs.sort(key=lambda p: (p["source"], p["derived"]))
        negatives.sort(key=lambda n: (n["a"], n["b"]))
        self.truth = {
            "schema": SCHEMA,
            "generator": {
                "name": "benchmarks/generate.py",
                "version": GENERATOR_VERSION,
                **self.params,
            },
            "pairs": pairs,
            "negatives": negatives,
            "categories": dict(sorted(categories.items())),
            "transforms": dict(sorted(transforms.items())),
            "topics": dict(sorted(topics.items())),
        }


def iter_corpus(
    n_docs: int,
    *,
    seed: int = 0,
    wire_fraction: float = 0.40,
    derived_fraction: float = 0.35,
    distractor_fraction: float = 0.25,
    derived_mix: Mapping[str, float] | None = None,
    undated_fraction: float = 0.15,
    negatives_per_topic: int = 3,
    shuffle_buffer: int = 1000,
) -> tuple[Iterator[dict[str, Any]], Callable[[], dict[str, Any]]]:
    """Stream the corpus: (records iterator, function returning the truth once
    the iterator is exhausted). Arguments as for :func:`generate`."""
    corpus = _Corpus(
        n_docs,
        seed,
        wire_fraction,
        derived_fraction,
        distractor_fraction,
        DEFAULT_DERIVED_MIX if derived_mix is None else derived_mix,
        undated_fraction,
        negatives_per_topic,
        shuffle_buffer,
    )

    def truth() -> dict[str, Any]:
        if corpus.truth is None:
            raise RuntimeError("the records iterator is not exhausted yet")
        return corpus.truth

    return corpus.records(), truth


def generate(
    n_docs: int,
    *,
    seed: int = 0,
    wire_fraction: float = 0.40,
    derived_fraction: float = 0.35,
    distractor_fraction: float = 0.25,
    derived_mix: Mapping[str, float] | None = None,
    undated_fraction: float = 0.15,
    negatives_per_topic: int = 3,
    shuffle_buffer: int = 1000,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Generate ``n_docs`` articles and their ground truth.

    Args:
        n_docs: Number of documents (exactly).
        seed: Same seed and options give the same corpus.
        wire_fraction: Share of wire/original stories.
        derived_fraction: Share of copies (of the kinds in ``derived_mix``).
        distractor_fraction: Share of independent same-topic articles.
        derived_mix: Shares of the derived kinds (``reprint``, ``partial``,
            ``shuffled``, ``edited``, ``merged``, ``chain``); default
            :data:`DEFAULT_DERIVED_MIX`.
        undated_fraction: Share of records without a ``date``.
        negatives_per_topic: Hard negatives sampled per topic.
        shuffle_buffer: Records held back to mix topics in the output order.

    Returns:
        The JSONL records and the truth dict (schema ``syndetect/truth/1``).
    """
    records, truth = iter_corpus(
        n_docs,
        seed=seed,
        wire_fraction=wire_fraction,
        derived_fraction=derived_fraction,
        distractor_fraction=distractor_fraction,
        derived_mix=derived_mix,
        undated_fraction=undated_fraction,
        negatives_per_topic=negatives_per_topic,
        shuffle_buffer=shuffle_buffer,
    )
    docs = list(records)
    return docs, truth()


def write_corpus(
    outdir: str | Path, n_docs: int, *, seed: int = 0, **options: Any
) -> dict[str, Any]:
    """Write ``docs.jsonl`` (line by line) and ``truth.json`` into ``outdir``."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    records, truth = iter_corpus(n_docs, seed=seed, **options)
    with (out / "docs.jsonl").open("w", encoding="utf-8", newline="\n") as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
    data = truth()
    with (out / "truth.json").open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(dumps_truth(data))
    return data


def dumps_truth(truth: Mapping[str, Any]) -> str:
    """The truth as JSON with one pair, negative or document per line."""
    lines = ["{"]
    items = list(truth.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        head = f"{json.dumps(key)}: "
        if isinstance(value, list) and value:
            rows = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f"{head}[\n  {rows}\n]{comma}")
        elif isinstance(value, dict) and value and key != "generator":
            rows = ",\n  ".join(
                f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()
            )
            lines.append(f"{head}{{\n  {rows}\n}}{comma}")
        else:
            lines.append(f"{head}{json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--wire-fraction", type=float, default=0.40)
    parser.add_argument("--derived-fraction", type=float, default=0.35)
    parser.add_argument("--distractor-fraction", type=float, default=0.25)
    parser.add_argument("--undated-fraction", type=float, default=0.15)
    parser.add_argument("--negatives-per-topic", type=int, default=3)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    truth = write_corpus(
        args.out,
        args.docs,
        seed=args.seed,
        wire_fraction=args.wire_fraction,
        derived_fraction=args.derived_fraction,
        distractor_fraction=args.distractor_fraction,
        undated_fraction=args.undated_fraction,
        negatives_per_topic=args.negatives_per_topic,
    )
    relations: dict[str, int] = defaultdict(int)
    for p in truth["pairs"]:
        relations[p["relation"]] += 1
    print(
        f"{args.docs} docs, {len(truth['pairs'])} pairs "
        f"({', '.join(f'{k} {v}' for k, v in sorted(relations.items()))}), "
        f"{len(truth['negatives'])} negatives in {time.perf_counter() - started:.1f}s "
        f"-> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
