/*
 * "Was this page helpful?" (overrides/partials/feedback.html), with no tracker.
 *
 * Nothing is sent anywhere and nothing is stored: "Yes" shows a thank-you note; "No" is a
 * plain link that opens the content-correction issue form, prefilled with the page's
 * address, in a new tab, and this script only shows a note beside it. Without this script
 * the question stays hidden, and the "report a problem" link below it still works.
 */
(function () {
  "use strict";

  for (const widget of document.querySelectorAll("[data-guide-feedback]")) {
    const question = widget.querySelector(".guide-feedback__question");
    if (!question) continue;
    question.hidden = false;
    for (const answer of question.querySelectorAll("[data-guide-answer]")) {
      answer.addEventListener("click", () => {
        const choice = answer.dataset.guideAnswer;
        for (const note of question.querySelectorAll("[data-guide-note]")) {
          note.hidden = note.dataset.guideNote !== choice;
        }
        for (const other of question.querySelectorAll("[data-guide-answer]")) {
          other.classList.toggle("md-button--primary", other === answer);
        }
      });
    }
  }
})();
