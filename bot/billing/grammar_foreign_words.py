"""The words of other languages that colleagues mix into an English question, and the English words the grammar reads
them as (`grammar_foreign.translated` reads them): a table per kind, the words of each language together.

German, French, Spanish, Portuguese, Italian, Dutch and Polish, and a few words of Hindi, Indonesian, Thai, Nigerian
Pidgin and Tagalog (Korean and Japanese have modules of their own). Only words that are unambiguous in a cost
question are read anywhere (`FOREIGN_WORDS`); words that are English words too (`no`, `a`, `do`, `per`, `con`, `sa`,
`po`) are read as the other language's only beside at least two words of it (`IN_COMPANY`).
"""

from __future__ import annotations

#: Words of cost questions in the five languages -> the English word the grammar reads (a courtesy or a word
#: that says nothing of the question reads as `please`, which the grammar passes over).
FOREIGN_WORDS: dict[str, str] = {
    # costs and spend
    **dict.fromkeys(("kosten", "ausgaben", "coût", "coûts", "cout", "couts", "dépenses", "depenses"), "costs"),
    **dict.fromkeys(("costo", "costos", "coste", "costes", "gasto", "gastos", "custo", "custos"), "costs"),
    **dict.fromkeys(("rechnung", "facture", "factura"), "bill"),
    **dict.fromkeys(("hors",), "excluding"),  # `hors taxes`
    **dict.fromkeys(("ht",), "excluding tax"),  # `le total HT`: hors taxes
    **dict.fromkeys(("répartition", "repartition", "ventilation"), "breakdown"),
    **dict.fromkeys(("écart", "écarts", "ecart"), "difference"),
    **dict.fromkeys(("clôture", "cloture", "interne", "certo"), "please"),  # the close a question is for
    **dict.fromkeys(("algum", "alguma", "algún", "alguno", "alguna"), "any"),
    **dict.fromkeys(("inteiro", "inteira", "entero", "entera", "entier", "entière", "intero", "intera"), "whole"),
    **dict.fromkeys(("costó", "cuesta", "cuestan", "coûte", "coûtent", "coute", "kostet", "kostete"), "cost"),
    **dict.fromkeys(("gastamos", "gastado", "dépensé", "depense", "ausgegeben"), "spent"),
    **dict.fromkeys(("gastámos", "gastei", "gastou", "gastaram", "gastaste"), "spent"),  # Portuguese
    # periods
    **dict.fromkeys(("woche", "semaine", "semana"), "week"),
    **dict.fromkeys(("wochen", "semaines", "semanas"), "weeks"),
    **dict.fromkeys(("monat", "monats", "mois", "mes"), "month"),
    **dict.fromkeys(("monate", "monaten", "meses"), "months"),
    **dict.fromkeys(("jahr", "jahres", "année", "annee", "año", "ano"), "year"),
    **dict.fromkeys(("tage", "tagen", "jours", "días", "dias"), "days"),
    **dict.fromkeys(("jour", "día", "dia"), "day"),
    **dict.fromkeys(("quartal", "trimestre"), "quarter"),
    **dict.fromkeys(("heute", "aujourd'hui", "hoy"), "today"),
    **dict.fromkeys(("gestern", "ayer", "gisteren"), "yesterday"),
    **dict.fromkeys(("feriado", "feiertag", "férié", "ferie", "festivo", "feestdag"), "holiday"),
    # Dutch (`vorige maand`, `deze week`, `kosten per dienst`)
    **dict.fromkeys(("vorige", "afgelopen"), "last"),
    **dict.fromkeys(("maand",), "month"),
    **dict.fromkeys(("maanden",), "months"),
    **dict.fromkeys(("jaar",), "year"),
    **dict.fromkeys(("vandaag",), "today"),
    **dict.fromkeys(("deze",), "this"),
    **dict.fromkeys(("dagelijks",), "daily"),
    **dict.fromkeys(("dag",), "day"),
    **dict.fromkeys(("dagen",), "days"),
    **dict.fromkeys(("maandelijks",), "monthly"),
    **dict.fromkeys(("letzte", "letzten", "letzter", "letztes", "dernier", "dernière", "derniers"), "last"),
    **dict.fromkeys(("dernières", "derniere", "pasado", "pasada", "último", "última", "ultimo", "ultima"), "last"),
    **dict.fromkeys(("diese", "diesen", "dieser", "dieses", "cette", "ce", "cet", "este", "esta"), "this"),
    **dict.fromkeys(("seit", "depuis", "desde"), "since"),
    **dict.fromkeys(("täglich", "taglich", "quotidien", "diario"), "daily"),
    **dict.fromkeys(("wöchentlich", "wochentlich", "hebdomadaire", "semanal"), "weekly"),
    **dict.fromkeys(("monatlich", "mensuel", "mensual"), "monthly"),
    # what is asked
    **dict.fromkeys(("prognose", "prévision", "prevision", "previsión", "pronóstico", "pronostico"), "forecast"),
    **dict.fromkeys(("warum", "pourquoi"), "why"),
    **dict.fromkeys(("ungewöhnlich", "ungewöhnliche", "komisch", "seltsam", "bizarre", "inhabituel"), "unusual"),
    **dict.fromkeys(("raro", "raros", "extraño", "extraños", "anomalía", "anomalías", "anomalie"), "unusual"),
    **dict.fromkeys(("augmenté", "augmente", "gestiegen", "aumentó", "aumento", "subió"), "increased"),
    **dict.fromkeys(("baissé", "baisse", "gesunken", "bajó", "disminuyó"), "dropped"),
    **dict.fromkeys(
        ("caro", "caros", "cara", "caras", "cher", "chers", "chère", "chères", "teuer", "teuren"), "expensive"
    ),
    **dict.fromkeys(("teuersten", "teuerste"), "most expensive"),
    # what a cost is broken down by
    **dict.fromkeys(("instancias", "instanzen", "servidores", "serveurs", "maschinen"), "instances"),
    **dict.fromkeys(("servicio", "servicios", "dienst", "dienste", "dienstes"), "service"),
    **dict.fromkeys(("cuenta", "cuentas", "compte", "comptes", "konto", "kontos", "konten"), "account"),
    **dict.fromkeys(("región", "régions", "regiones", "région"), "region"),
    **dict.fromkeys(("equipo", "equipos", "équipe", "équipes", "equipe"), "team"),
    **dict.fromkeys(("proyecto", "proyectos", "projet", "projets", "projekt", "projekte"), "project"),
    **dict.fromkeys(("por", "nach"), "by"),
    **dict.fromkeys(("campaña", "campañas", "campagne", "campanha"), "campaign"),
    **dict.fromkeys(("datos", "dados"), "please"),  # (`transferencia de datos`: read with its first words)
    **dict.fromkeys(("europa",), "europe"),
    **dict.fromkeys(("llevamos", "llevo", "lleva"), "please"),  # `cuánto llevamos gastado`: so far spent
    # `me pasás el forecast`, `porfa`, `y eso en pesos cuánto sería`, `cómo venimos`: asking, no word of the question
    **dict.fromkeys(("pasás", "pasas", "mandás", "mandas", "porfa", "porfis", "sería", "seria", "venimos"), "please"),
    **dict.fromkeys(("cómo",), "how"),
    **dict.fromkeys(("cuáles", "cuales", "cuál"), "which"),
    **dict.fromkeys(("eso", "esto"), "that"),
    **dict.fromkeys(("fueron", "fue"), "is"),
    **dict.fromkeys(("recursos",), "resources"),
    **dict.fromkeys(("par",), "per"),
    # Portuguese
    **dict.fromkeys(("ontem",), "yesterday"),
    **dict.fromkeys(("hoje",), "today"),
    **dict.fromkeys(("passada", "passado", "passadas", "passados"), "last"),
    **dict.fromkeys(("essa", "esse", "nesta", "neste", "nessa", "nesse"), "this"),
    **dict.fromkeys(("mês",), "month"),
    **dict.fromkeys(("conta",), "account"),
    **dict.fromkeys(("contas",), "accounts"),
    **dict.fromkeys(("região", "regiao", "regiões", "regioes"), "region"),
    **dict.fromkeys(("quanto", "quanta", "quantos"), "how"),
    **dict.fromkeys(("qual", "quais"), "which"),
    **dict.fromkeys(("pq", "porque", "porquê"), "why"),
    **dict.fromkeys(("subiu", "aumentou"), "increased"),
    **dict.fromkeys(("caiu", "diminuiu"), "dropped"),
    **dict.fromkeys(("estranho", "estranhos", "estranha", "anomalia", "anomalias", "esquisito"), "unusual"),
    **dict.fromkeys(("máquina", "máquinas", "maquina", "maquinas", "instâncias"), "instances"),
    **dict.fromkeys(("todas", "todos", "tutti", "tutte", "tutto"), "all"),
    **dict.fromkeys(("até", "ate"), "until"),
    **dict.fromkeys(("mais",), "most"),
    **dict.fromkeys(("foi", "teve", "está", "tá"), "is"),  # not `tem`, a typo of `team` as often
    **dict.fromkeys(("janeiro",), "january"),
    **{"fevereiro": "february", "março": "march", "marco": "march", "maio": "may", "junho": "june"},
    **{"julho": "july", "setembro": "september", "outubro": "october", "novembro": "november"},
    **{"dezembro": "december"},
    # Italian
    **dict.fromkeys(("ieri",), "yesterday"),
    **dict.fromkeys(("oggi",), "today"),
    **dict.fromkeys(("settimana",), "week"),
    **dict.fromkeys(("settimane",), "weeks"),
    **dict.fromkeys(("mese",), "month"),
    **dict.fromkeys(("mesi",), "months"),
    **dict.fromkeys(("anno",), "year"),
    **dict.fromkeys(("giorno",), "day"),
    **dict.fromkeys(("giorni",), "days"),
    **dict.fromkeys(("scorsa", "scorso", "scorse", "scorsi"), "last"),
    **dict.fromkeys(("questo", "questa", "quest'anno"), "this"),
    **dict.fromkeys(("speso", "spendiamo"), "spent"),
    **dict.fromkeys(("totale",), "total"),
    **dict.fromkeys(("perché", "perche"), "why"),
    **dict.fromkeys(("cresciuto", "cresciuta", "salito", "salita", "aumentato"), "increased"),
    **dict.fromkeys(("previsione", "stima"), "forecast"),
    **dict.fromkeys(("tasse", "imposte"), "tax"),
    **dict.fromkeys(("incluse", "inclusi", "incluso", "inclusa"), "included"),
    **dict.fromkeys(("progetto", "progetti"), "project"),
    **dict.fromkeys(("squadra",), "team"),
    **dict.fromkeys(("strano", "strani", "anomalo", "anomali"), "unusual"),
    **dict.fromkeys(("ciao", "grazie", "algún", "alguna", "algun"), "please"),
    # words around a question that say nothing of it (read as a courtesy, not said)
    **dict.fromkeys(("solito", "rispetto", "volevo", "vedere", "abbiamo", "arriviamo", "intendo", "quella"), "please"),
    **dict.fromkeys(("queria", "quería", "saber", "quiero", "veo", "je", "voudrais", "savoir"), "please"),
    **dict.fromkeys(("ich", "möchte", "wissen", "gostaria"), "please"),  # not `eu` (Europe), `vi`
    # German of everyday questions (`wie viel hat EKS gekostet`, `kannst du mal schauen`, `vergleich ... bis jetzt`)
    **dict.fromkeys(("gekostet", "kostete"), "cost"),
    **dict.fromkeys(("viel", "viele"), "much"),
    **dict.fromkeys(("alle", "allen", "gesamt", "insgesamt"), "all"),
    **dict.fromkeys(("vergleich", "vergleiche", "vergleichen"), "compare"),
    **dict.fromkeys(("mit",), "with"),
    **dict.fromkeys(("getagged", "getaggt", "markiert"), "please"),  # `mit team=Platform getagged`: the filter says it
    **dict.fromkeys(("ungetaggt", "ungetagged"), "untagged"),
    **dict.fromkeys(("aufschlüsselung", "aufschlusselung", "aufteilung", "aufgeschlüsselt"), "breakdown"),
    **dict.fromkeys(("explodiert", "gestiegen", "hochgegangen"), "increased"),
    **dict.fromkeys(("anomalien", "auffälligkeiten", "ausreißer"), "unusual"),
    **dict.fromkeys(("wer",), "who"),
    **dict.fromkeys(("laufen", "läuft", "lauft"), "running"),
    **dict.fromkeys(("jetzt",), "now"),
    **dict.fromkeys(
        ("gefühlt", "kannst", "mal", "schauen", "brauch", "brauche", "zeug", "angelegt", "doch"),
        "please",
    ),
    **{"gennaio": "january", "febbraio": "february", "aprile": "april", "maggio": "may", "giugno": "june"},
    **{"luglio": "july", "settembre": "september", "ottobre": "october", "dicembre": "december"},
    # small words
    **dict.fromkeys(("la", "le", "les", "el", "los", "las", "der", "die", "das", "dem", "den"), "the"),
    **dict.fromkeys(("de", "des", "du", "del", "von", "vom"), "of"),
    **dict.fromkeys(("en", "dans", "im"), "in"),
    **dict.fromkeys(("al", "au"), "to"),
    **dict.fromkeys(("hasta", "jusqu'à", "bis"), "until"),
    **dict.fromkeys(("separado", "separados", "séparé", "séparément", "getrennt"), "separately"),
    **dict.fromkeys(("und", "et", "y"), "and"),
    **dict.fromkeys(("für", "fur", "pour", "para", "fürs"), "for"),
    **dict.fromkeys(("bitte", "svp", "stp", "merci", "danke", "gracias", "porfa"), "please"),
    # German compounds of cost words (`die Gesamtkosten`, `Datentransferkosten`, `Hochrechnung bis Jahresende`)
    **dict.fromkeys(("gesamtkosten", "gesamtsumme"), "total"),
    **dict.fromkeys(("kostenaufteilung", "aufschlüsselung", "aufteilung"), "breakdown"),
    **dict.fromkeys(("datentransferkosten", "datentransfer"), "data transfer"),
    **dict.fromkeys(("hochrechnung", "prognostiziert"), "forecast"),
    **dict.fromkeys(("monatsvergleich",), "monthly"),
    **dict.fromkeys(("kostenentwicklung", "verlauf"), "trend"),
    **dict.fromkeys(("anomalie", "auffälligkeiten", "ausreißer"), "unusual"),
    **dict.fromkeys(("steuern", "steuer", "mwst", "ust"), "tax"),
    **dict.fromkeys(("ohne",), "excluding"),
    **dict.fromkeys(("ressourcen",), "resources"),
    **dict.fromkeys(("kostenintensivsten", "größten"), "most expensive"),
    **dict.fromkeys(("vormonat",), "last month"),
    **dict.fromkeys(("vorwoche",), "last week"),
    **dict.fromkeys(("vorjahr",), "last year"),
    **dict.fromkeys(("aufgeteilt", "zeitraum", "bitte", "vergleich"), "please"),
    **dict.fromkeys(("produktionsaccount", "produktionskonto"), "production account"),
    **dict.fromkeys(("jahresende",), "year-end"),
    # Thai politeness particles (`Only production account krub`, `Can compare ... na?`)
    **dict.fromkeys(("krub", "krab", "khrap", "khrub", "kha", "ka", "naka", "krap"), "please"),
    # Indonesian (`berapa total aws bulan ini ya?`, `lambda yg paling mahal apa dong minggu ini`, `kemarin s3 naik
    # kenapa`): the adjective after its noun (`bulan ini`: this month) as `AFTER_NOUN` puts it
    **dict.fromkeys(("berapa", "brp", "gmn", "gimana", "bagaimana"), "how much"),
    **dict.fromkeys(("bulan",), "month"),
    **dict.fromkeys(("minggu",), "week"),
    **dict.fromkeys(("hari",), "day"),
    **dict.fromkeys(("ini",), "this"),
    **dict.fromkeys(("lalu", "kemaren"), "last"),
    **dict.fromkeys(("kemarin",), "yesterday"),
    **dict.fromkeys(("kenapa", "mengapa"), "why"),
    **dict.fromkeys(("naik",), "increased"),
    **dict.fromkeys(("turun",), "dropped"),
    **dict.fromkeys(("paling",), "most"),
    **dict.fromkeys(("mahal",), "expensive"),
    **dict.fromkeys(("tiap", "setiap"), "each"),
    **dict.fromkeys(("sebulan",), "a month"),
    **dict.fromkeys(("sampe", "sampai"), "until"),
    **dict.fromkeys(("akhir",), "end"),
    **dict.fromkeys(("tanpa",), "excluding"),
    **dict.fromkeys(
        ("yg", "yang", "apa", "dong", "sih", "aja", "nih", "kok", "wkwk", "wkwkwk", "pengen", "mau"), "please"
    ),
    **dict.fromkeys(("liat", "lihat", "tolong", "soalnya", "kalo", "kalau", "td", "tadi", "pagi", "hemat"), "please"),
    **dict.fromkeys(("gak", "nggak", "ngga", "dimatiin", "pas", "takut", "sebenarnya", "biaya"), "please"),
    # Swiss and German greetings and closings (`Grüezi mitenand`, `Freundliche Grüsse`, `Besten Dank`)
    **dict.fromkeys(("grüezi", "gruezi", "mitenand", "servus", "moin", "grüsse", "grüße", "gruss", "gruß"), "please"),
    **dict.fromkeys(("abweichung", "abweichungen", "unterschied"), "difference"),
    # Polish (`koszt EC2 wczoraj vs przedwczoraj, tylko prod`, `ile poszło na KMS w październiku`)
    **dict.fromkeys(("koszt", "koszty", "kosztów", "kosztow", "wydatki"), "costs"),
    **dict.fromkeys(("wczoraj",), "yesterday"),
    **dict.fromkeys(("przedwczoraj",), "the day before yesterday"),
    **dict.fromkeys(("dzisiaj", "dziś", "dzis"), "today"),
    **dict.fromkeys(("tylko",), "only"),
    **dict.fromkeys(("ostatnie", "ostatnich", "zeszły", "zeszly", "zeszłym", "zeszlym", "poprzedni"), "last"),
    **dict.fromkeys(("dni",), "days"),
    **dict.fromkeys(("tydzień", "tydzien", "tygodniu", "tygodnia"), "week"),
    **dict.fromkeys(("miesiąc", "miesiac", "miesiącu", "miesiacu"), "month"),
    **dict.fromkeys(("czemu", "dlaczego"), "why"),
    **dict.fromkeys(("skoczył", "skoczyl", "wzrósł", "wzrosl"), "increased"),
    **dict.fromkeys(("porównaj", "porownaj"), "compare"),
    **dict.fromkeys(("ile",), "how much"),
    **dict.fromkeys(("wszystkie", "wszystkich"), "all"),
    **dict.fromkeys(("konta", "konto", "kont"), "account"),
    **dict.fromkeys(("bez",), "excluding"),
    **dict.fromkeys(("najdroższe", "najdrozsze", "najdroższy", "najdrozszy"), "most expensive"),
    **dict.fromkeys(("serwis", "serwisu", "usługa", "usluga"), "service"),
    **dict.fromkeys(
        ("dzięki", "dzieki", "proszę", "prosze", "poszło", "poszlo", "tak", "mamy", "tam", "cos", "coś"), "please"
    ),
    **{"styczeń": "january", "styczniu": "january", "luty": "february", "lutym": "february", "marzec": "march"},
    **{"marcu": "march", "kwiecień": "april", "kwietniu": "april", "maju": "may", "czerwiec": "june"},
    **{"czerwcu": "june", "lipiec": "july", "lipcu": "july", "sierpień": "august", "sierpniu": "august"},
    **{"wrzesień": "september", "wrzesien": "september", "wrześniu": "september", "wrzesniu": "september"},
    **{"październik": "october", "pazdziernik": "october", "październiku": "october", "pazdzierniku": "october"},
    **{"listopad": "november", "listopadzie": "november", "grudzień": "december", "grudniu": "december"},
    # Hindi in Latin letters (`bhai pichle mahine ka total bill kitna aaya tha?`, `sabse mehenga RDS kaunsa hai`)
    **dict.fromkeys(("mahine", "mahina", "mahinon"), "month"),
    **dict.fromkeys(("hafte", "hafta"), "week"),
    **dict.fromkeys(("pichle", "pichhle", "pichla", "pichhla"), "last"),
    **dict.fromkeys(("kitna", "kitne", "kitni"), "how much"),
    **dict.fromkeys(("kyu", "kyun", "kyon"), "why"),
    **dict.fromkeys(("sabse",), "most"),
    **dict.fromkeys(("mehenga", "mehnga", "mahanga"), "expensive"),
    **dict.fromkeys(("aur",), "and"),
    **dict.fromkeys(("badh", "badha"), "increased"),
    **dict.fromkeys(("bina",), "excluding"),
    **dict.fromkeys(("buckety", "bucketów", "bucketow"), "buckets"),  # (Polish plural of an English word)
    **dict.fromkeys(
        ("bhai", "yaar", "chahiye", "wala", "wali", "batao", "bataao", "dikha", "dikhao", "dekhna"), "please"
    ),
    **dict.fromkeys(
        ("aaya", "gaya", "jayega", "hua", "achanak", "kaunsa", "kaunsi", "zyada", "itna", "raha"), "please"
    ),
    # Nigerian Pidgin (`abeg how much RDS cost us`, `na the glue jobs abi?`, `wetin checkout people dey use`)
    **dict.fromkeys(("abeg", "abi", "oya", "jare", "biko"), "please"),
    **{"wetin": "what", "dey": "is"},
    # Tagalog in Taglish (`magkano po yung Lambda cost kahapon?`, `pa-check naman`, `bakit tumaas yung RDS natin`)
    **dict.fromkeys(("naman", "daw", "ulit", "pwede", "puwede", "pakicheck", "paki"), "please"),
    **dict.fromkeys(("pa-check", "pa-list", "pa-send", "pakita"), "show"),
    **{"yung": "the", "ang": "the", "natin": "our", "namin": "our", "tayo": "we", "kahapon": "yesterday"},
    **{"ngayong": "this", "magkano": "how much", "bakit": "why", "tumaas": "went up", "bumaba": "went down"},
    **{
        "na-apply": "applied",
        "lang": "only",
        "ano": "what",
        "kung": "if",
        "pinaka-mahal": "most expensive",
        "mahal": "expensive",
    },
    **dict.fromkeys(
        ("bonjour", "salut", "hola", "olá", "ola", "oi", "hallo", "moin", "servus", "buongiorno"), "please"
    ),
    # French of everyday questions (`quelles sont les tables dynamo les plus chères ce mois-ci`, `est-ce que ... a
    # explosé`, `je pense qu'il y a une boucle`)
    **dict.fromkeys(("quel", "quelle", "quels", "quelles"), "which"),
    **dict.fromkeys(("et",), "and"),  # `how much in october, et en septembre ?`
    **dict.fromkeys(("sont", "était", "etait"), "is"),
    **dict.fromkeys(("sur",), "on"),
    **dict.fromkeys(("mois-ci", "mois-là"), "month"),  # `ce mois-ci`: this month
    **dict.fromkeys(("passé", "passée", "passés", "passées"), "last"),  # `le mois passé`
    **dict.fromkeys(("payé", "payés", "payée"), "spent"),
    **dict.fromkeys(("comparé", "comparée", "comparés"), "compared"),
    **dict.fromkeys(("doublé", "doublés"), "increased"),
    **dict.fromkeys(("moyenne",), "average"),
    **dict.fromkeys(("avant",), "before"),  # `la semaine d'avant`: the week before
    **dict.fromkeys(("à",), "to"),
    **dict.fromkeys(("allo", "allô"), "hi"),
    **dict.fromkeys(("c'est", "peux-tu", "est-tu", "sortir", "surtout", "juste"), "please"),
    # Spanish of everyday questions (`cuánto gastó el proyecto`, `cuanto nos va a salir noviembre`)
    **dict.fromkeys(("gastó",), "spent"),
    **dict.fromkeys(("salir", "cerrar", "necesito", "ojo", "jeje"), "please"),
    **dict.fromkeys(("ont", "avons"), "have"),
    **dict.fromkeys(("ça", "dit", "qqch", "qqn", "fois", "semble", "beaucoup", "changé"), "please"),
    **dict.fromkeys(("semaine-ci",), "week"),
    **dict.fromkeys(("explosé", "explose"), "spiked"),
    **dict.fromkeys(("grimpé",), "increased"),
    **dict.fromkeys(("pense", "crois"), "think"),  # `je pense qu'il y a une boucle`: a guess
    **dict.fromkeys(("que", "genre", "parle", "une", "quelque", "vraiment"), "please"),
    **dict.fromkeys(("cuánto", "cuanto", "cuánta", "combien", "wieviel", "wie"), "how"),
    **dict.fromkeys(("más", "mehr"), "more"),
    **dict.fromkeys(("gab", "gibt", "es", "il", "y'a", "hay", "ist", "sind", "war", "mir", "uns"), "is"),
    # days and months
    **{"montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday", "donnerstag": "thursday"},
    **{"freitag": "friday", "samstag": "saturday", "sonntag": "sunday"},
    **{"lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday", "jeudi": "thursday", "vendredi": "friday"},
    **{"samedi": "saturday", "dimanche": "sunday", "lunes": "monday", "martes": "tuesday"},
    **{"miércoles": "wednesday", "miercoles": "wednesday", "jueves": "thursday", "viernes": "friday"},
    **{"sábado": "saturday", "sabado": "saturday", "domingo": "sunday"},
    **{"januar": "january", "februar": "february", "märz": "march", "maerz": "march", "juni": "june"},
    **{"juli": "july", "oktober": "october", "dezember": "december"},
    **{"janvier": "january", "février": "february", "fevrier": "february", "mars": "march", "avril": "april"},
    **{"juin": "june", "juillet": "july", "août": "august", "aout": "august", "septembre": "september"},
    **{"octobre": "october", "novembre": "november", "décembre": "december", "decembre": "december"},
    **{"enero": "january", "febrero": "february", "marzo": "march", "abril": "april", "mayo": "may"},
    **{"junio": "june", "julio": "july", "agosto": "august", "septiembre": "september", "octubre": "october"},
    **{"noviembre": "november", "diciembre": "december"},
    # Czech (`kolik jsme utratili za EC2 minulý měsíc`, `náklady podle team tagu`, `proč vzrostly náklady`)
    **dict.fromkeys(("náklady", "naklady", "nákladů", "nakladu", "náklad", "naklad", "výdaje", "vydaje"), "costs"),
    **dict.fromkeys(("utratili", "utratil", "utratila", "utraceno", "zaplatili", "zaplatil"), "spent"),
    **dict.fromkeys(("stál", "stálo", "stalo", "stály", "staly", "stojí", "stoji"), "cost"),
    **dict.fromkeys(("kolik",), "how much"),
    **dict.fromkeys(("minulý", "minuly", "minulém", "minulem", "minulému", "minulemu", "minulá", "minulou"), "last"),
    **dict.fromkeys(("poslední", "posledni", "posledních", "poslednich", "uplynulý", "uplynuly"), "last"),
    **dict.fromkeys(("měsíc", "mesic", "měsíci", "mesici", "měsíce", "mesice"), "month"),
    **dict.fromkeys(("měsících", "mesicich", "měsíců", "mesicu"), "months"),
    **dict.fromkeys(("týden", "tyden", "týdnu", "tydnu", "týdne", "tydne"), "week"),
    **dict.fromkeys(("týdny", "tydny", "týdnů"), "weeks"),
    **dict.fromkeys(("tento", "tenhle", "tomto", "tuto", "této", "teto", "tato", "toto"), "this"),
    **dict.fromkeys(("letos",), "this year"),
    **dict.fromkeys(("roku", "roce"), "year"),
    **dict.fromkeys(("včera", "vcera"), "yesterday"),
    **dict.fromkeys(("dnes",), "today"),
    **dict.fromkeys(("proč", "proc"), "why"),
    **dict.fromkeys(("vzrostly", "vzrostl", "vzrostla", "vzrostlo", "stouply", "stoupl", "narostly"), "increased"),
    **dict.fromkeys(("oproti",), "vs"),
    **dict.fromkeys(("jenom", "pouze"), "only"),  # (not `jen`, a name too)
    **dict.fromkeys(("podle", "dle"), "by"),
    **dict.fromkeys(("účet", "ucet", "účtu", "uctu"), "account"),
    **dict.fromkeys(("účty", "ucty", "účtů"), "accounts"),
    **dict.fromkeys(("služba", "sluzba", "služby", "sluzby", "službách", "sluzbach"), "service"),
    **dict.fromkeys(("týmu", "týmy", "tymy"), "team"),
    **dict.fromkeys(("tagu", "tagů", "tagy"), "tag"),
    **dict.fromkeys(("nejdražší", "nejdrazsi", "nejdražších", "nejdrazsich"), "most expensive"),
    **dict.fromkeys(("jaký", "jaky", "jaké", "jake", "které", "ktere", "který", "ktery"), "which"),
    **dict.fromkeys(("rozpad", "rozpis", "rozdělení", "rozdeleni"), "breakdown"),
    **dict.fromkeys(("denně", "denne"), "daily"),
    **dict.fromkeys(("měsíčně", "mesicne"), "monthly"),
    **dict.fromkeys(("díky", "diky", "dík", "prosím", "prosim", "jsme", "nám", "nás", "šlo", "slo"), "please"),
    **dict.fromkeys(("ahoj", "čau", "zdravím", "zdravim"), "hi"),
    **dict.fromkeys(("ideálně", "idealne", "dobrý", "dobry"), "please"),
    **{"leden": "january", "ledna": "january", "lednu": "january", "únor": "february", "února": "february"},
    **{"březen": "march", "března": "march", "březnu": "march", "duben": "april", "dubna": "april"},
    **{"dubnu": "april", "květen": "may", "května": "may", "květnu": "may", "červen": "june", "června": "june"},
    **{"červnu": "june", "červenec": "july", "července": "july", "červenci": "july", "srpen": "august"},
    **{"srpna": "august", "srpnu": "august", "září": "september", "zari": "september", "říjen": "october"},
    **{"rijen": "october", "října": "october", "rijna": "october", "říjnu": "october", "rijnu": "october"},
    **{"listopadu": "november", "prosinec": "december", "prosince": "december", "prosinci": "december"},
    # Romanian (`cât am dat pe EC2 luna trecută`, `costuri pe staging luna asta`, `de ce a crescut lambda ieri`)
    **dict.fromkeys(("cât", "câte", "câți"), "how much"),
    **dict.fromkeys(("costuri", "costurile", "costul", "cheltuieli", "cheltuielile"), "costs"),
    **dict.fromkeys(("costă", "costat", "costa"), "cost"),
    **dict.fromkeys(("cont",), "account"),
    **dict.fromkeys(("cheltuit", "plătit", "platit"), "spent"),
    **dict.fromkeys(("luna", "lună"), "month"),
    **dict.fromkeys(("lunile",), "months"),
    **dict.fromkeys(("trecută", "trecuta", "trecut", "trecute", "trecuți", "trecuti"), "last"),
    **dict.fromkeys(("ultimele", "ultimii", "ultimul"), "last"),
    **dict.fromkeys(("aceasta", "acesta", "acest", "această", "asta", "ăsta"), "this"),
    **dict.fromkeys(("anul", "anului"), "year"),
    **dict.fromkeys(("săptămâna", "saptamana", "săptămână", "săptămânii", "saptamanii"), "week"),
    **dict.fromkeys(("săptămâni", "saptamani"), "weeks"),
    **dict.fromkeys(("zile", "zilele"), "days"),
    **dict.fromkeys(("azi", "astăzi", "astazi"), "today"),
    **dict.fromkeys(("alaltăieri", "alaltaieri"), "the day before yesterday"),
    **dict.fromkeys(("crescut",), "increased"),
    **dict.fromkeys(("scăzut", "scazut"), "dropped"),
    **dict.fromkeys(("scumpe", "scump", "scumpă", "scumpa", "scumpi"), "expensive"),
    **dict.fromkeys(("instanțe", "instante", "instanțele", "instantele"), "instances"),
    **dict.fromkeys(("contul", "conturi", "conturile"), "account"),
    **dict.fromkeys(("fiecare",), "each"),
    **dict.fromkeys(("serviciu", "serviciul"), "service"),
    **dict.fromkeys(("servicii", "serviciile"), "services"),
    **dict.fromkeys(("doar",), "only"),
    **dict.fromkeys(("fără", "fara"), "excluding"),
    **dict.fromkeys(("sunt",), "is"),
    **dict.fromkeys(("proiectul", "proiect", "proiecte"), "project"),
    **dict.fromkeys(("echipa", "echipă", "echipe", "echipei"), "team"),
    **dict.fromkeys(("mersi", "mulțumesc", "multumesc", "salutare", "ne-a", "ne-au"), "please"),
    **{"ianuarie": "january", "februarie": "february", "martie": "march", "aprilie": "april", "iunie": "june"},
    **{"iulie": "july", "septembrie": "september", "octombrie": "october", "noiembrie": "november"},
    **{"decembrie": "december"},
    # Hungarian (`mennyi volt a teljes költség múlt hónap`, `EC2 költség regionként`, `tax nélkül`)
    **dict.fromkeys(("mennyi", "mennyit", "mennyibe"), "how much"),
    **dict.fromkeys(("költség", "koltseg", "költségek", "koltsegek", "költsége", "koltsege"), "costs"),
    **dict.fromkeys(("költségünk", "koltsegunk", "kiadás", "kiadas", "kiadások", "kiadasok"), "costs"),
    **dict.fromkeys(("teljes", "összes", "osszes", "összesen", "osszesen"), "total"),
    **dict.fromkeys(("múlt", "mult", "előző", "elozo", "legutóbbi", "legutobbi"), "last"),
    **dict.fromkeys(("hónap", "honap", "hónapban", "honapban", "hónapot", "honapot", "hónapra"), "month"),
    **dict.fromkeys(("hónapok", "honapok"), "months"),
    **dict.fromkeys(("héten", "heten", "hetet", "hét"), "week"),
    **dict.fromkeys(("ebben", "ezen", "idei"), "this"),
    **dict.fromkeys(("tegnap",), "yesterday"),
    **dict.fromkeys(("legdrágább", "legdragabb", "legdrágábbak", "legdragabbak"), "most expensive"),
    **dict.fromkeys(("drága", "draga", "drágák"), "expensive"),
    **dict.fromkeys(("melyik", "melyek", "milyen"), "which"),
    **dict.fromkeys(("miért", "miert"), "why"),
    **dict.fromkeys(("nőtt", "nott", "nőttek", "nottek", "emelkedett"), "increased"),
    **dict.fromkeys(("eddig",), "so far"),
    **dict.fromkeys(("végére", "vegere", "vége", "vege"), "end"),
    **dict.fromkeys(("napi",), "daily"),
    **dict.fromkeys(("heti",), "weekly"),
    **dict.fromkeys(("havi",), "monthly"),
    **dict.fromkeys(("bontásban", "bontasban", "bontva", "bontás", "bontas"), "breakdown"),
    **dict.fromkeys(("csak",), "only"),
    **dict.fromkeys(("ugyanez", "ugyanaz", "ugyanezt"), "same"),
    **dict.fromkeys(("tól", "től", "tol", "tul"), "to"),  # `szept 1 tol nov 15 ig`: from one day to the other
    **dict.fromkeys(("köszi", "koszi", "köszönöm", "koszonom", "kíváncsi", "kivancsi"), "please"),
    **dict.fromkeys(("szia", "sziasztok"), "hi"),
    **dict.fromkeys(("vagyok", "ennyire", "kellene", "kéne", "kene", "lesz", "ig", "hozta", "létre"), "please"),
    **{"január": "january", "február": "february", "március": "march", "április": "april", "május": "may"},
    **{"június": "june", "július": "july", "augusztus": "august", "szeptember": "september", "szept": "september"},
    **{"október": "october", "okt": "october", "novemberre": "november", "decemberre": "december"},
    # Swahili (`pesa ngapi tulitumia kwa S3 mwezi uliopita`, `kwa nini DynamoDB imepanda wiki hii`): the adjective
    # after its noun as `AFTER_NOUN` puts it
    **dict.fromkeys(("pesa", "gharama"), "costs"),
    **dict.fromkeys(("ngapi",), "how much"),
    **dict.fromkeys(("tulitumia", "tumetumia", "imetumia", "walitumia", "zimetumika"), "spent"),
    **dict.fromkeys(("zinakula", "ilikula", "inakula", "zilikula"), "cost"),
    **dict.fromkeys(("mwezi",), "month"),
    **dict.fromkeys(("wiki",), "week"),
    **dict.fromkeys(("miezi",), "months"),
    **dict.fromkeys(("mwaka",), "year"),
    **dict.fromkeys(("siku",), "days"),
    **dict.fromkeys(("uliopita", "iliyopita", "lililopita", "uliyopita"), "last"),
    **dict.fromkeys(("huu", "hii", "hili"), "this"),
    **dict.fromkeys(("jana",), "yesterday"),
    **dict.fromkeys(("juzi",), "the day before yesterday"),
    **dict.fromkeys(("kila",), "each"),
    **dict.fromkeys(("gani",), "which"),
    **dict.fromkeys(("imepanda", "ilipanda", "imeongezeka", "kupanda"), "increased"),
    **dict.fromkeys(("kwa",), "for"),
    **dict.fromkeys(("tafadhali", "asante", "hivi", "sana", "nyingi"), "please"),
    **dict.fromkeys(("habari", "niaje", "sasa", "mambo", "jambo"), "hi"),  # (`Sasa team,`: a greeting)
    **dict.fromkeys(("imeanza", "kuanza", "bado"), "please"),
    # Croatian (`koliko je bio ec2 prošli mjesec`, `troškovi po timu`, `zašto su troškovi skočili jučer`)
    **dict.fromkeys(("koliko",), "how much"),
    **dict.fromkeys(("prošli", "prosli", "prošlog", "proslog", "prošlom", "proslom", "prošle", "prosle"), "last"),
    **dict.fromkeys(("mjesec", "mjesecu", "mjeseca"), "month"),
    **dict.fromkeys(("mjeseci",), "months"),
    **dict.fromkeys(("tjedan", "tjedna", "tjednu"), "week"),
    **dict.fromkeys(("ovaj", "ovog", "ovom", "ove", "ovu"), "this"),
    **dict.fromkeys(("jučer", "jucer"), "yesterday"),
    **dict.fromkeys(("danas",), "today"),
    **dict.fromkeys(("zašto", "zasto"), "why"),
    **dict.fromkeys(("troškovi", "troskovi", "trošak", "trosak", "troška", "troska", "troškove"), "costs"),
    **dict.fromkeys(("košta", "kosta", "koštao", "kostao"), "cost"),
    **dict.fromkeys(("skočili", "skocili", "porasli", "narasli"), "increased"),
    **dict.fromkeys(("timu", "timovima", "timovi"), "team"),
    **dict.fromkeys(("projektu", "projektima"), "project"),
    **dict.fromkeys(("samo",), "only"),
    **dict.fromkeys(("koji", "koja", "koje"), "which"),
    **dict.fromkeys(("najskuplji", "najskuplje", "najskuplja"), "most expensive"),
    **dict.fromkeys(("resursi", "resurse"), "resources"),
    **dict.fromkeys(("servisima", "servisu", "servisi"), "service"),
    **dict.fromkeys(("godine", "godina"), "year"),
    **dict.fromkeys(("usporedi", "usporedba"), "compare"),
    **dict.fromkeys(("prognozu", "prognoza"), "forecast"),
    **dict.fromkeys(("ukupno",), "total"),
    **dict.fromkeys(("poreza", "porez", "pdv"), "tax"),
    **dict.fromkeys(("stagingu",), "staging"),
    **dict.fromkeys(("daj", "bit", "će", "sta", "što", "dogodilo", "sve", "accounte", "bio", "je", "su"), "please"),
    **{"siječanj": "january", "veljača": "february", "ožujak": "march", "travanj": "april", "svibanj": "may"},
    **{"lipanj": "june", "srpanj": "july", "kolovoz": "august", "rujan": "september", "rujna": "september"},
    **{"studeni": "november", "studenog": "november", "prosinac": "december", "prosinca": "december"},
    # Serbian in Latin letters, beside Croatian's (`koliko smo potrošili prošlog meseca`, `ove nedelje nego prošle`)
    **dict.fromkeys(("meseca", "mesec", "mesecu"), "month"),
    **dict.fromkeys(("meseci",), "months"),
    **dict.fromkeys(("nedelje", "nedelja", "nedelju", "sedmice", "sedmica"), "week"),
    **dict.fromkeys(("potrošili", "potrosili", "potrošeno", "potroseno"), "spent"),
    **dict.fromkeys(("skuplji", "skuplje", "skuplja"), "more"),
    **dict.fromkeys(("nego",), "than"),
    **dict.fromkeys(("kraj",), "end"),
    **dict.fromkeys(("smo", "hocemo", "hoćemo", "preci", "preći", "hej"), "please"),
    **{"januar": "january", "februar": "february", "mart": "march", "maj": "may", "jun": "june", "jul": "july"},
    **{"avgust": "august", "septembar": "september", "oktobar": "october", "novembar": "november"},
    **{"decembar": "december"},
    # Lithuanian (`kiek išleidom praeitą mėnesį`, `kodėl S3 išlaidos taip pakilo`)
    **dict.fromkeys(("kiek",), "how much"),
    **dict.fromkeys(("išleidom", "isleidom", "išleidome", "isleidome", "išleista", "isleista"), "spent"),
    **dict.fromkeys(("kainuoja", "kainavo"), "cost"),
    **dict.fromkeys(("išlaidos", "islaidos", "išlaidų", "islaidu", "kaštai", "kastai"), "costs"),
    **dict.fromkeys(("praeitą", "praeita", "praėjusį", "praejusi", "praėjusią", "praejusia", "paskutinį"), "last"),
    **dict.fromkeys(("mėnesį", "menesi", "mėnesio", "menesio", "mėnuo", "menuo"), "month"),
    **dict.fromkeys(("savaitę", "savaite", "savaitė", "savaites", "savaitės"), "week"),
    **dict.fromkeys(("šį", "šią", "šios", "šis"), "this"),
    **dict.fromkeys(("vakar",), "yesterday"),
    **dict.fromkeys(("šiandien", "siandien"), "today"),
    **dict.fromkeys(("kodėl", "kodel"), "why"),
    **dict.fromkeys(("pakilo", "padidėjo", "padidejo", "išaugo", "isaugo"), "increased"),
    **dict.fromkeys(("brangiausi", "brangiausios", "brangiausias"), "most expensive"),
    **dict.fromkeys(("resursai",), "resources"),
    **dict.fromkeys(("pagal",), "by"),
    **dict.fromkeys(("regionus", "regionai"), "region"),
    **dict.fromkeys(("nuo",), "since"),
    **dict.fromkeys(("iki",), "until"),
    **dict.fromkeys(("dabar",), "now"),
    **dict.fromkeys(("galo", "gale", "pabaigos"), "end"),
    **dict.fromkeys(("sveiki", "labas"), "hi"),
    **dict.fromkeys(("bus", "taip", "visais", "ačiū", "aciu"), "please"),
    **{"lapkritį": "november", "lapkritis": "november", "lapkričio": "november", "lapkricio": "november"},
    **{"spalis": "october", "spalį": "october", "spalio": "october", "rugsėjis": "september", "rugsėjo": "september"},
    **{"rugsejo": "september", "rugsejis": "september", "rugpjūtis": "august", "gruodis": "december"},
    # Slovak (`koľko sme minuli minulý mesiac`, `náklady podľa tímu`, `prečo narástli náklady`), beside Czech's
    **dict.fromkeys(("koľko", "kolko"), "how much"),
    **dict.fromkeys(("minuli", "minul", "minula"), "spent"),
    **dict.fromkeys(("mesiac", "mesiaci", "mesiaca"), "month"),
    **dict.fromkeys(("mesiace", "mesiacov"), "months"),
    **dict.fromkeys(("týždeň", "tyzden", "týždni", "tyzdni", "týždňa", "tyzdna"), "week"),
    **dict.fromkeys(("celkovo", "spolu"), "total"),
    **dict.fromkeys(("všetky", "vsetky", "všetkých", "vsetkych"), "all"),
    **dict.fromkeys(("prečo", "preco"), "why"),
    **dict.fromkeys(("narástli", "narastli", "stúpli", "stupli", "narástol", "narastol"), "increased"),
    **dict.fromkeys(("podľa", "podla"), "by"),
    **dict.fromkeys(("tímu", "tímov", "timov"), "team"),
    **dict.fromkeys(("posledné", "posledne", "posledný", "posledny", "posledných", "poslednych"), "last"),
    **dict.fromkeys(("aké", "ake", "ktoré", "ktore", "ktorý", "ktory"), "which"),
    **dict.fromkeys(("roka",), "year"),
    **dict.fromkeys(("produkcia", "produkcii", "produkcie"), "production"),
    **dict.fromkeys(("najdrahšie", "najdrahsie", "najdrahšia", "najdrahsia", "najdrahší"), "most expensive"),
    **dict.fromkeys(("účte", "ucte", "účtoch", "uctoch"), "account"),
    **dict.fromkeys(("hlavne", "sme", "prosím"), "please"),
    **{"októbri": "october", "oktobri": "october", "októbru": "october", "oktobru": "october"},
    **{"novembri": "november", "septembri": "september", "decembri": "december"},
    # Jamaican patois (`wah gwaan, mi need di total fi dis month`, `di bill jump up yesterday, wah happen?`)
    **dict.fromkeys(("wah", "wha"), "what"),
    **dict.fromkeys(("dis",), "this"),
    **dict.fromkeys(("di",), "the"),
    **dict.fromkeys(("fi",), "for"),
    **dict.fromkeys(("inna",), "in"),
    **dict.fromkeys(("yuh",), "you"),
    **dict.fromkeys(("sumting", "suttin"), "something"),
    **dict.fromkeys(("gwaan", "mi", "mek", "weh", "nuh", "seh"), "please"),  # (not `dem`: German `the`)
    **dict.fromkeys(("mawnin", "wagwan"), "hi"),
    # Welsh and Māori courtesies (`Bore da!`, `Diolch`, `iawn`, `kia ora`)
    **dict.fromkeys(("diolch", "iawn", "cariad", "duw"), "please"),
    # Urdu and Hindi in Latin letters, beside those of Hindi above (`kharcha`, `sab se mehngi`, `is saal`)
    **dict.fromkeys(("kharcha", "kharch", "kharche", "kharchey", "kharchay"), "costs"),
    **dict.fromkeys(("mehngi", "mehnge", "mehngay", "mehengi", "mehange"), "expensive"),
    **dict.fromkeys(("konsi", "konsa", "konse", "kaunse"), "which"),
    **dict.fromkeys(("hain", "hein"), "is"),
    **dict.fromkeys(("saal",), "year"),
    **dict.fromkeys(("aaj",), "today"),
    **dict.fromkeys(("dono", "rahi", "rahe", "batana", "bata"), "please"),
    # Bangla in Latin letters (`gato mash e total khoroch koto`, `kalke r ajke koto khoroch hoise`)
    **dict.fromkeys(("koto",), "how much"),
    **dict.fromkeys(("khoroch", "khorcha", "khoroc"), "costs"),
    **dict.fromkeys(("gato", "gotho"), "last"),
    **dict.fromkeys(("mash",), "month"),
    **dict.fromkeys(("hoptay", "hoptah", "soptaho", "shoptaho"), "week"),
    **dict.fromkeys(("kalke",), "yesterday"),
    **dict.fromkeys(("ajke",), "today"),
    **dict.fromkeys(("sobcheye", "shobcheye"), "most"),
    **dict.fromkeys(("chilo", "chhilo"), "was"),  # `budget chilo 18k`: the budget was 18k
    **dict.fromkeys(("amader", "hoise", "hoyeche", "hocche", "gula", "dekhao", "dekhan", "vai"), "please"),
    **dict.fromkeys(("onek", "beshi", "mone", "ektu", "jonno", "kore", "ta", "achi"), "please"),
}
#: Words that are English words too (`no`, `a`, `as`, `do`): read as the other language's only beside at least two
#: words of it (`top 10 instancias ec2 mais caras no staging`, never `no daily needed`).
IN_COMPANY: dict[str, str] = {
    **dict.fromkeys(("è", "e'"), "is"),
    # Tagalog: `sa production`, `pinaka-mahal na EC2`, `may spike daw kahapon` ("there was a spike yesterday")
    **{"sa": "in", "na": "please", "ba": "please", "may": "is", "po": "please"},  # (`PO number`: an order)
    **dict.fromkeys(("lo", "gli", "i"), "the"),
    **dict.fromkeys(("di", "della", "dei", "delle"), "of"),
    **dict.fromkeys(("con",), "with"),
    **dict.fromkeys(("se", "si", "puo", "può"), "please"),
    **dict.fromkeys(("per",), "for"),
    **dict.fromkeys(("senza",), "untagged"),
    **dict.fromkeys(("sin",), "excluding"),  # `en el año sin tax`: without it (an English word too)
    **dict.fromkeys(("fine",), "end"),
    **dict.fromkeys(("no", "na", "nos", "nas", "em", "num", "numa"), "in"),
    **dict.fromkeys(("o", "a", "os", "as"), "the"),
    **dict.fromkeys(("do", "da", "dos", "das"), "of"),
    **dict.fromkeys(("com",), "with"),
    **dict.fromkeys(("sem",), "untagged"),
    **dict.fromkeys(("e",), "and"),
    **dict.fromkeys(("tag",), "tag"),
    **dict.fromkeys(("pro",), "per"),  # `Kosten pro Region`
    **dict.fromkeys(("tem",), "is"),  # `tem algum dia estranho`: not `tem`, a typo of `team`, alone
    **dict.fromkeys(("hat", "hatten"), "has"),
    **dict.fromkeys(("plus",), "most"),  # `les plus chères`: the most expensive (`ec2 plus rds` alone: and)
    **dict.fromkeys(("qui",), "which"),
    # Hindi's small words, English words too or short (`ka`, `ke`, `ki`, `hai`, `mein`, `toh`, `kya`, `tak`)
    **dict.fromkeys(("ka", "ke", "ki", "hai", "tha", "toh", "kya", "kuch", "ko"), "please"),
    **dict.fromkeys(("mein",), "in"),
    **dict.fromkeys(("w", "we"), "in"),  # Polish `w październiku`, `we wrześniu`
    **dict.fromkeys(("za",), "for"),  # Polish `za zeszły tydzień`
    **dict.fromkeys(("z",), "with"),
    **dict.fromkeys(("v",), "in"),  # Czech `v říjnu`
    **dict.fromkeys(("cat",), "how much"),  # Romanian `cat e fata de alaltaieri`
    **dict.fromkeys(("care",), "which"),  # Romanian `care sunt cele mai scumpe`
    **dict.fromkeys(("pe",), "on"),  # Romanian and Hindi `pe EC2`, `EKS pe`
    **dict.fromkeys(("volt", "ez"), "is"),  # Hungarian
    **dict.fromkeys(("ma",), "today"),  # Hungarian
    **dict.fromkeys(("leo",), "today"),
    **dict.fromkeys(("ni", "ya", "dat"), "please"),  # (Romanian `am dat`: we spent)
    **dict.fromkeys(("ei",), "this"),  # Bangla `ei mash`
    **dict.fromkeys(("te",), "in"),
    **dict.fromkeys(("be",), "excluding"),  # Lithuanian `be tax`
    **dict.fromkeys(("len",), "only"),  # Slovak `len produkcia`
    **dict.fromkeys(("nam",), "please"),
    **dict.fromkeys(("wi",), "we"),  # Jamaican patois
    **dict.fromkeys(("dan",), "than"),
    **dict.fromkeys(("whey",), "why"),
}
#: Words only French has among these: beside one, `hier` is French "yesterday" (German "here").
FRENCH_ONLY = frozenset(
    {"combien", "dépensé", "depense", "coût", "coûts", "coûte", "coûtent", "coute", "semaine", "mois", "jours"}
    | {"quel", "quelle", "quels", "quelles", "sur", "pourquoi", "depuis", "dernier", "dernière", "cette"}
    | {"aujourd'hui", "facture", "répartition", "équipe", "compte", "comptes", "merci", "bonjour", "explosé"}
)
#: Translations not worth saying in the answer.
NOT_SAID = frozenset({"the", "of", "in", "and", "for", "please", "is"})
#: Adjectives that follow their noun in French and Spanish (`la semaine dernière`, `el mes pasado`).
AFTER_NOUN = frozenset(
    {"dernier", "dernière", "derniers", "dernières", "derniere", "pasado", "pasada", "último", "última", "ultimo"}
    | {"inteiro", "inteira", "entero", "entera", "entier", "entière", "intero", "intera"}
    | {"ultima", "passado", "passada", "passados", "passadas", "scorsa", "scorso", "scorse", "scorsi"}
    | {"passé", "passée", "passés", "passées"}
    | {"ini", "lalu"}  # Indonesian (`bulan ini`, `minggu lalu`)
    | {"trecută", "trecuta", "trecut", "trecute", "asta", "aceasta", "acesta"}  # Romanian (`luna trecută`)
    | {"uliopita", "iliyopita", "lililopita", "uliyopita", "huu", "hii", "hili"}  # Swahili (`mwezi uliopita`)
)
#: `dia 1`, `le jour 3`: that day of the month (`1st`).
DAY_WORDS = frozenset({"dia", "día", "jour", "tag"})
#: The periods an adjective after its noun names (`semaine dernière`: last week).
PERIOD_NOUNS = frozenset({"week", "month", "year", "quarter", "weeks", "months", "days"})
#: The start of a period (`seit Anfang November`, `depuis début novembre`): `start of`.
START_WORDS = frozenset({"anfang", "début", "debut", "inicio", "principios"})
#: Two words read as one phrase (`seit wann`: since when, no date asked; `bis jetzt`: so far).
PAIRS: dict[tuple[str, str], tuple[str, ...]] = {
    ("seit", "wann"): (),
    ("bis", "jetzt"): ("so", "far"),
    ("bis", "heute"): ("so", "far"),
    ("bis", "dato"): ("so", "far"),
    # Polish `w tym tygodniu`: this week; `ten miesiąc`: this month; `po koszcie`: by cost; Hindi `is mahine`
    **dict.fromkeys((("tym", "tygodniu"), ("ten", "tydzień"), ("ten", "tydzien")), ("this", "week")),
    **dict.fromkeys(
        (("ten", "miesiąc"), ("ten", "miesiac"), ("tym", "miesiącu"), ("tym", "miesiacu")), ("this", "month")
    ),
    ("po", "koszcie"): ("by", "cost"),
    **dict.fromkeys((("is", "mahine"), ("is", "mahina")), ("this", "month")),
    **dict.fromkeys((("is", "hafte"), ("is", "hafta")), ("this", "week")),
    **dict.fromkeys((("kal", "ka"), ("kal", "ki"), ("kal", "ke")), ("yesterday",)),
    ("kya", "reason"): ("why",),
    **dict.fromkeys((("guten", "morgen"), ("guten", "tag"), ("guten", "abend"), ("besten", "dank")), ("please",)),
    **dict.fromkeys((("vielen", "dank"), ("freundliche", "grüsse"), ("freundliche", "grüße")), ("please",)),
    **dict.fromkeys((("liebe", "grüsse"), ("liebe", "grüße"), ("beste", "grüsse"), ("beste", "grüße")), ("please",)),
    ("hari", "ini"): ("today",),
    # Czech `po měsících`: monthly; `od začátku roku`: since the start of the year; Romanian `de ce`: why, `față de`:
    # compared with, `cele mai scumpe`: the most expensive, `pe zi`: per day; Swahili `kwa nini`: why; Hindi `is saal`;
    # Hungarian `ebben a hónapban`: this month; Bangla `alada kore`: separately
    **dict.fromkeys((("po", "měsících"), ("po", "mesicich")), ("monthly",)),
    **dict.fromkeys((("po", "dnech"), ("pe", "zi")), ("daily",)),
    **dict.fromkeys((("po", "týdnech"), ("po", "tydnech")), ("weekly",)),
    **dict.fromkeys((("od", "začátku"), ("od", "zacatku")), ("since", "the", "start", "of")),
    **dict.fromkeys((("de", "ce"),), ("why",)),
    **dict.fromkeys((("față", "de"), ("fata", "de")), ("vs",)),
    **dict.fromkeys((("cele", "mai"), ("cel", "mai"), ("cea", "mai"), ("sab", "se")), ("most",)),
    **dict.fromkeys((("pe", "fiecare"),), ("per",)),
    **dict.fromkeys((("kwa", "nini"),), ("why",)),
    **dict.fromkeys((("is", "saal"),), ("this", "year")),
    # Croatian `od početka godine`: since the start of the year; Welsh `bore da`, Māori `kia ora`: greetings
    **dict.fromkeys((("od", "početka"), ("od", "pocetka")), ("since", "the", "start", "of")),
    **dict.fromkeys((("od", "začiatku"), ("od", "zaciatku")), ("since", "the", "start", "of")),  # Slovak
    ("wah", "gwaan"): ("hi",),
    # Serbian `do sad`: so far; French `fin du mois`: the month's end
    **dict.fromkeys((("do", "sad"), ("do", "sada")), ("so", "far")),
    ("fin", "du"): ("end", "of"),
    # Spanish `va a salir`: will come to (`cuánto va la cuenta`: how it stands so far)
    **dict.fromkeys((("va", "a"), ("van", "a")), ("will",)),
    # Portuguese `este ano`, `ano passado`: the year (`ano` alone is Tagalog's what)
    **dict.fromkeys(
        (("este", "ano"), ("esse", "ano"), ("neste", "ano"), ("nesse", "ano"), ("deste", "ano")), ("this", "year")
    ),
    **dict.fromkeys((("ano", "passado"), ("ano", "anterior")), ("last", "year")),
    ("to", "samo"): ("same",),  # Polish `to samo`: the same (Croatian `samo` alone: only)
    **dict.fromkeys((("bore", "da"), ("kia", "ora")), ("hi",)),
    **dict.fromkeys((("ebben", "a"), ("ezen", "a")), ("this",)),
    **dict.fromkeys((("alag", "alag"), ("alada", "kore")), ("separately",)),
    ("akhir", "bulan"): ("month-end",),
    ("wie", "viel"): ("how", "much"),
    # `por qué subió`: why; `por la campaña`: for the campaign (`por servicio`: by service)
    **dict.fromkeys((("por", "qué"), ("por", "que")), ("why",)),
    **{("por", the): ("for", "the") for the in ("la", "el", "los", "las")},
    # `transferencia de datos`: data transfer (`datos` after it is passed over)
    **{(transfer, "de"): ("data", "transfer") for transfer in ("transferencia", "transferência")},
}
#: German's `vorletzte Woche`: the week before last.
BEFORE_LAST = frozenset({"vorletzte", "vorletzten", "vorletzter", "avant-dernière", "antepasada", "antepasado"})
#: Words that follow the word they apply to (Hungarian `aws:createdBy szerint`: by aws:createdBy, `tax nélkül`:
#: excluding tax), put before it.
POSTPOSED: dict[str, str] = {"szerint": "by", "nélkül": "excluding", "nelkul": "excluding", "kivéve": "excluding"}
#: Hungarian's endings on a word people type in English (`regionként`: per region, `accountban`: in the account,
#: `staging-re`: for staging), cut off when what is left is a word of a dimension, a month or a stored value;
#: `-ként` says per.
HUNGARIAN_ENDINGS = ("onként", "enként", "ként", "onkent", "enkent", "kent", "ban", "ben", "ra", "re", "ról", "ről")
HUNGARIAN_PER = frozenset({"onként", "enként", "ként", "onkent", "enkent", "kent"})
#: Words only Croatian has among these: beside one, `listopad` is Croatian's October (Polish and Czech November).
CROATIAN_ONLY = frozenset(
    {"rujan", "rujna", "studeni", "studenog", "prosinac", "prosinca", "kolovoz", "srpanj", "lipanj", "koliko"}
    | {
        "mjesec",
        "mjesecu",
        "mjeseca",
        "tjedan",
        "tjedna",
        "troškovi",
        "troskovi",
        "usporedi",
        "zašto",
        "zasto",
        "jučer",
    }
)
