"""Words that must be there before the bot takes an outcome on the engine's word alone, one module per
question: wrong_number, declining, recovery, for_a_person, visit_answers, later."""
