"""German function words for the stop-word-density feature of the boilerplate classifier.

Running prose has a high share of function words (articles, pronouns, prepositions, auxiliaries),
while menus, player controls, credits and link lists have almost none; jusText popularised this
signal. The list is compiled by hand for Lagebild from German grammar (closed word classes), not
copied from any stop-list; it is lowercase and matched against lowercased tokens.
"""

from __future__ import annotations

# Source: hand-written from the closed word classes of German grammar (Lagebild team).
STOPWORDS: frozenset[str] = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem
    keinen
    ich du er sie es wir ihr mich dich sich uns euch ihn ihm ihnen mir dir
    mein meine meiner meines meinem meinen dein deine sein seine seiner seines seinem seinen
    ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren euer eure
    dieser diese dieses diesem diesen jener jene jenes jenem jenen jeder jede jedes jedem jeden
    welcher welche welches welchem welchen man etwas nichts alle allen aller alles beide beiden
    manche mancher viele vielen einige einigen mehrere wenige wenigen solche solchen selbst
    und oder aber denn sondern doch sowie sowohl als auch noch schon nur sogar
    dass daß ob weil wenn als wie da damit obwohl während bevor nachdem seit seitdem bis sodass
    falls sofern indem ohne statt anstatt zwar entweder weder
    in im ins an am ans auf aus bei beim mit nach von vom vor zu zum zur über unter um durch
    für gegen hinter neben zwischen wegen trotz laut gemäß samt seit ab außer innerhalb
    außerhalb oberhalb unterhalb entlang gegenüber binnen per pro
    ist sind war waren bin bist seid sei seien wäre wären gewesen
    hat haben hatte hatten habe hast habt hätte hätten gehabt
    wird werden wurde wurden worden würde würden werde wirst
    kann können konnte konnten könne könnte könnten muss müssen musste mussten müsse müsste
    soll sollen sollte sollten will wollen wollte wollten wolle darf dürfen durfte dürfe
    mag mögen möchte möchten
    nicht nie niemals immer wieder sehr mehr weniger viel ganz gar bereits erst jetzt dann
    dort hier heute gestern morgen bald zudem außerdem jedoch dennoch trotzdem deshalb daher
    darum also etwa rund fast kaum eher weiter weiterhin zuletzt zunächst bislang bisher
    inzwischen mittlerweile derzeit damals ebenfalls ebenso allerdings offenbar demnach
    wo wer was wann warum wohin woher wieso weshalb worüber womit wofür
    dabei dafür dagegen daran darauf daraus darin darüber davon davor dazu dadurch danach
    sich so ja nein auch ihm denen deren dessen einander
    """.split()
)
