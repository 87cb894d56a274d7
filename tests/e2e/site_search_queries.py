"""The fixed query list of the site-search browser test and benchmark."""
# (corpus, query): nb, nn, sv, inflections, compound parts, phrases, exclusion, OR, prefix,
# filters, and input that is no query syntax (read as plain words, as the core does).
QUERIES = {
    "main": ["samskaping", "kommunen", "kommuner", "kommunenes", "entreprenørskap", "entreprenør", "rolle",
             "playmaker", "innovasjon", "samstyring", "bestillerkompetanse", "kompetanse", "demens",
             "\"inn på tunet\"", "inn på tunet", "kommune -samskaping", "innovasjon OR samstyring",
             "sentralis*", "velferdstjenester", "velferd*", "ressurslogikk", "logikk", "fylkeskommunen",
             "kommunane", "innbyggjarane", "modeller", "forretningsmodell", "kind:case kommune",
             "theme:samskaping", "Steinkjer", "tjenester", "gründere", "økonomisk virksomhet",
             "-kommune", "og", "\"inn på\"*", "kommune kommune", "sør-trøndelag", "kommune AND NOT samskaping",
             "NEAR(kommune", "title:kommune", "KOMMUNE Samskaping", "idé OR ide"],
    "fixture": ["rolle", "entreprenørrollen", "kommunar", "kommuner", "innbyggere", "innbyggjar",
                "företagare", "landsbygd", "kommunerna", "havbruk", "fond", "dem", "demens", "gård",
                "\"inn på tunet\"", "sentralisering -fraflytting", "innvandrere OR fraflytting", "gründer*",
                "lang:nn kommune", "year:2019 kommune", "kommune:5006 kommune", "fylke:trøndelag kommune",
                # places by every name the register knows, as Index::search resolves them
                "kommune:steinkjer kommune", "kommune:Steinkjer", "kommune:raarvihke kommune",
                "kommune:røyrvik", "kommune:trondheim kommune", "kommune:tråante", "kommune:östersund",
                "kommune:se-2380", "fylke:50 kommune", "fylke:trööndelage kommune", "fylke:jämtland", "fylke:23",
                "fylke:trøn kommune", "kommune:nowhere kommune", "fylke:nowhere kommune"],
}
